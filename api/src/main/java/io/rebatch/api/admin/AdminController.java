package io.rebatch.api.admin;

import io.rebatch.api.ApiDocumentation;
import io.rebatch.api.me.BalanceReads;
import io.rebatch.api.me.BalanceView;
import io.rebatch.api.me.Params;
import io.rebatch.api.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin endpoints of SPEC 8 (scope admin): any user's balance, recent job executions, the per-run reports. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(name = "admin", description = "Support and finance (scope admin)")
@SecurityRequirement(name = "bearer")
public class AdminController {
    private final BalanceReads balances;
    private final AdminReads reads;

    public AdminController(BalanceReads balances, AdminReads reads) {
        this.balances = balances;
        this.reads = reads;
    }

    @GetMapping("/users/{id}/balance")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    @Operation(summary = "A user's balance; 404 for a user neither the app data nor the ledger knows")
    public BalanceView balance(@PathVariable("id") long id) {
        if (id <= 0 || !balances.userExists(id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "USER_NOT_FOUND", "no user " + id);
        }
        return balances.of(id);
    }

    @GetMapping("/job-executions")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @Operation(summary = "The most recent job executions, newest first")
    public List<JobExecutionView> jobExecutions(@Parameter(schema = @Schema(type = "integer", minimum = "1",
            maximum = "100", defaultValue = "20")) @RequestParam(required = false) Integer limit) {
        return reads.jobExecutions(Params.limit(limit));
    }

    @GetMapping("/reports")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
    @Operation(summary = "The reconciliation report of the latest settle run of a business date")
    public ReportView report(@Parameter(description = "business date, YYYY-MM-DD (Asia/Shanghai)")
                             @RequestParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_REQUEST", "date must be YYYY-MM-DD");
        }
        return reads.report(day).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "REPORT_NOT_FOUND",
                "no settle run reported on " + day));
    }
}
