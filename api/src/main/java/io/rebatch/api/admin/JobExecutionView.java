package io.rebatch.api.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** One Spring Batch job execution as finance sees it: which job, for which business keys, how it ended. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobExecutionView(@JsonProperty("job_execution_id") long jobExecutionId,
                               @JsonProperty("job_name") String jobName,
                               @JsonProperty("parameters") Map<String, String> parameters,
                               @JsonProperty("status") String status,
                               @Schema(types = {"string", "null"}) @JsonProperty("exit_code") String exitCode,
                               @Schema(types = {"string", "null"}) @JsonProperty("start_time") String startTime,
                               @Schema(types = {"string", "null"}) @JsonProperty("end_time") String endTime) {
}
