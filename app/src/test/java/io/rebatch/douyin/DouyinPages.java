package io.rebatch.douyin;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.PageParseException;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.report.ParsedPage;
import io.rebatch.readers.report.ReportRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of the fake {@code douyin_order_list} answer:
 * {@code {"douyin_order_list":{"has_more":false,"orders":[{"order_id":…,"status":"PAID|SETTLED|INVALID",…}]}}};
 * amounts in fen, rates in bp, times in epoch seconds.
 */
public final class DouyinPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code has_more}. */
    public record DouyinPaging(boolean hasMore) implements Paging {
    }

    private DouyinPages() {
    }

    public static ParsedPage<DouyinPaging> parse(String body, String source, long lineNo, PlausibleTimes times) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new PageParseException("not a douyin_order_list page: " + e.getMessage());
        }
        JsonNode page = root.path("douyin_order_list");
        if (!page.isObject()) {
            throw new PageParseException("not a douyin_order_list page");
        }
        List<ReportRow> rows = new ArrayList<>();
        for (JsonNode o : page.path("orders")) {
            try {
                rows.add(new ReportRow.Snapshot(source, lineNo, line(o, source, lineNo, times)));
            } catch (BadInputException | IllegalArgumentException e) {
                rows.add(new ReportRow.Rejected(source, lineNo, o.toString(), e.getMessage()));
            }
        }
        return ParsedPage.of(rows, new DouyinPaging(page.path("has_more").asBoolean(false)));
    }

    private static OrderLine line(JsonNode o, String source, long lineNo, PlausibleTimes times) {
        LineStatus status = LineStatus.valueOf(o.path("status").asString());
        Instant created = time(o, "create_time", times);
        Instant settled = status == LineStatus.SETTLED ? time(o, "settle_time", times) : null;
        return new OrderLine(DouyinRules.DOUYIN, o.path("order_id").asString(), o.path("parent_id").asString(),
                o.path("product_id").asString(), o.path("title").asString(), o.path("count").asInt(1),
                o.path("pay_fen").asLong(), o.path("rate_bps").asInt(), o.path("estimate_fen").asLong(),
                settled == null ? null : o.path("settle_fen").asLong(), status, created, created, null, settled,
                time(o, "update_time", times), o.path("pid").asString(null), null, null, null,
                o.path("external_info").asString(null), source + ":" + lineNo);
    }

    private static Instant time(JsonNode o, String field, PlausibleTimes times) {
        Instant t = Instant.ofEpochSecond(o.path(field).asLong());
        if (!times.contains(t)) {
            throw new BadInputException(field + " " + t + " is implausible");
        }
        return t;
    }
}
