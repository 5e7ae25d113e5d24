package io.rebatch.api.problem;

import org.springframework.http.HttpStatus;

/**
 * A request the API answers with an RFC 9457 problem: the HTTP status, the machine-readable {@code reason} the app
 * switches on (e.g. {@code INVALID_CURSOR}, {@code INSUFFICIENT_BALANCE}) and a human-readable detail that never
 * holds a token, secret or payee data.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String reason;

    public ApiException(HttpStatus status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public static ApiException badRequest(String reason, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, reason, detail);
    }
}
