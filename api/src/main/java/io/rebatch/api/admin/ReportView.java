package io.rebatch.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The reconciliation report of the latest settle run of a business date (SPEC 8), one entry per metric. */
public record ReportView(@JsonProperty("business_date") String businessDate,
                         @JsonProperty("run_label") String runLabel,
                         @JsonProperty("metrics") List<Metric> metrics) {

    public record Metric(@JsonProperty("platform") String platform,
                         @JsonProperty("metric") String metric,
                         @JsonProperty("value") long value) {
    }
}
