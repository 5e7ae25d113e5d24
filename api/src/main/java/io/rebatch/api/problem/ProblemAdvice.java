package io.rebatch.api.problem;

import io.rebatch.domain.payout.IdempotencyConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the controllers raise becomes {@code application/problem+json} with a {@code reason}: the API's own
 * refusals ({@link ApiException}; controllers turn the domain's rejection of a request into one), a reused idempotency
 * key (422 {@code IDEMPOTENCY_KEY_REUSED}), Spring MVC's own errors (400 {@code INVALID_REQUEST} for unreadable
 * bodies, wrong parameter types and missing headers; 404, 405, 406, 415 with their status as reason) and anything
 * unexpected (500 {@code INTERNAL_ERROR}, logged with its trace, answered without it) — including a
 * {@code BadInputException} that is not the caller's (a broken rule file is the operator's problem, not the app's).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.reason(), e.getMessage());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyConflictException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for"
                + " another withdrawal with a different amount or payee; use a new key for a new request");
    }

    /** A header value the firewall refuses once the controller reads it (e.g. a UTF-8 Idempotency-Key). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "a header or parameter holds characters that are"
                + " not allowed (Idempotency-Key: 1-64 ASCII letters, digits or - _ . :)");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "parameter '" + e.getName() + "' has a bad value");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the request could not be completed");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String reason = status.is4xxClientError() && status.value() != 404 && status.value() != 405
                && status.value() != 406 && status.value() != 415 ? "INVALID_REQUEST" : statusReason(status);
        String detail = ex instanceof MissingRequestHeaderException m ? "header '" + m.getHeaderName() + "' is required"
                : body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : defaultDetail(status);
        if (status.value() == 400 && ex instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            detail = "the request body is not valid JSON of the expected shape";
        }
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(Problems.of(status, reason, detail), out, status);
    }

    private static String statusReason(HttpStatusCode status) {
        HttpStatus s = HttpStatus.resolve(status.value());
        return s == null ? "ERROR" : s.name();
    }

    private static String defaultDetail(HttpStatusCode status) {
        HttpStatus s = HttpStatus.resolve(status.value());
        return s == null ? "error" : s.getReasonPhrase();
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String reason, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, reason, detail));
    }
}
