package io.rebatch.api.me;

import io.rebatch.api.ApiDocumentation;
import io.rebatch.api.problem.ApiException;
import io.rebatch.api.security.CurrentUser;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.domain.payout.WithdrawalRules;
import io.rebatch.jobs.payout.Withdrawals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Withdrawals over REST (SPEC 7/8), through the one withdrawal service the CLI uses too: the database decides
 * (balance row lock, unique (user, key), conditional move), so any number of replicas and concurrent taps can never
 * overdraw. {@code Idempotency-Key} makes a retried tap safe: the same key answers the same withdrawal with 200.
 * Refusals: 422 {@code BELOW_MINIMUM} (the request itself is wrong); 409 {@code INSUFFICIENT_BALANCE},
 * {@code DAILY_LIMIT}, {@code NEGATIVE_BALANCE} (the request conflicts with the account's state).
 */
@RestController
@RequestMapping(path = "/api/v1/me/withdrawals", produces = "application/json")
@Tag(name = "withdrawals", description = "The caller's withdrawals (scope app)")
@SecurityRequirement(name = "bearer")
public class WithdrawalController {
    private final Withdrawals withdrawals;

    public WithdrawalController(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Request a withdrawal of available money to an Alipay account")
    @ApiResponse(responseCode = "201", description = "a new withdrawal (payee in clear)")
    @ApiResponse(responseCode = "200", description = "the withdrawal already made with this Idempotency-Key")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDocumentation.CONFLICT)
    @ApiResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "422", ref = ApiDocumentation.UNPROCESSABLE)
    public ResponseEntity<WithdrawalView> request(@AuthenticationPrincipal Jwt jwt,
                                                  @Parameter(description = "unique per intended withdrawal, 1-64"
                                                          + " printable ASCII characters")
                                                  @RequestHeader("Idempotency-Key") String idempotencyKey,
                                                  @RequestBody WithdrawalBody body) {
        long userId = CurrentUser.id(jwt);
        if (body == null || body.amountFen() == null || body.payeeAccount() == null || body.payeeName() == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_REQUEST",
                    "amount_fen, payee_account and payee_name are required");
        }
        WithdrawalRequest request;
        try {
            request = WithdrawalRequest.of(userId, body.amountFen(), body.payeeAccount(), body.payeeName(),
                    idempotencyKey);
        } catch (BadInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_REQUEST", e.getMessage());
        }
        Withdrawals.Outcome outcome = withdrawals.request(request);
        if (outcome.refused()) {
            WithdrawalRules.Decision d = outcome.refusal();
            HttpStatus status = d.refusal() == WithdrawalRules.Refusal.BELOW_MINIMUM
                    ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
            throw new ApiException(status, d.refusal().name(), d.message());
        }
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(WithdrawalView.inClear(outcome.withdrawal()));
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @Operation(summary = "The caller's withdrawals, newest first (payee masked)")
    public List<WithdrawalView> list(@AuthenticationPrincipal Jwt jwt,
                                     @Parameter(description = "how many", schema = @Schema(type = "integer",
                                             minimum = "1", maximum = "100", defaultValue = "20"))
                                     @RequestParam(required = false) Integer limit) {
        return withdrawals.ofUser(CurrentUser.id(jwt), Params.limit(limit)).stream().map(WithdrawalView::masked)
                .toList();
    }
}
