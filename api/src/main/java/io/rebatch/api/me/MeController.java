package io.rebatch.api.me;

import io.rebatch.api.ApiDocumentation;
import io.rebatch.api.ApiProperties;
import io.rebatch.api.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's read endpoints (SPEC 8). {@code /me} is always the token's subject: no parameter names a user, so no
 * request can reach another user's data. Each is one indexed read of the user's own rows.
 */
@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "me", description = "The calling user's balance, rebate records and team (scope app)")
@SecurityRequirement(name = "bearer")
public class MeController {
    private final BalanceReads balances;
    private final RebateReads rebates;
    private final TeamReads team;
    private final RebateCursor cursors;

    public MeController(BalanceReads balances, RebateReads rebates, TeamReads team, ApiProperties properties) {
        this.balances = balances;
        this.rebates = rebates;
        this.team = team;
        this.cursors = new RebateCursor(properties.secretBytes());
    }

    @GetMapping("/balance")
    @Operation(summary = "The caller's balance: pending, available, withdrawing and paid, in fen and yuan")
    public BalanceView balance(@AuthenticationPrincipal Jwt jwt) {
        return balances.of(CurrentUser.id(jwt));
    }

    @GetMapping("/rebates")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @Operation(summary = "The caller's rebate records, newest first, one per order line and role, cursor-paginated")
    public RebatePage rebates(@AuthenticationPrincipal Jwt jwt,
                              @Parameter(description = "only records in this status",
                                      schema = @Schema(allowableValues = {"PENDING", "AVAILABLE", "INVALID"}))
                              @RequestParam(required = false) String status,
                              @Parameter(description = "page size", schema = @Schema(type = "integer",
                                      minimum = "1", maximum = "100", defaultValue = "20"))
                              @RequestParam(required = false) Integer limit,
                              @Parameter(description = "next_cursor of the previous page (opaque)")
                              @RequestParam(required = false) String cursor) {
        long userId = CurrentUser.id(jwt);
        String filter = Params.rebateStatus(status);
        int size = Params.limit(limit);
        RebateCursor.Position after = cursor == null || cursor.isEmpty() ? null
                : cursors.decode(cursor, userId, filter);
        RebateReads.Page page = rebates.page(userId, filter, after, size);
        return new RebatePage(page.items(), page.next() == null ? null : cursors.encode(userId, filter, page.next()));
    }

    @GetMapping("/team")
    @Operation(summary = "What the caller earned through each invitee, level 1 and 2 (invitee ids masked)")
    public TeamView team(@AuthenticationPrincipal Jwt jwt) {
        return team.of(CurrentUser.id(jwt));
    }
}
