package io.rebatch.sandbox.taobao;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.WireJson;
import io.rebatch.sandbox.generator.GeneratedLine;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.GatewayReply;
import io.rebatch.sandbox.server.ServerContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.rebatch.sandbox.taobao.TaobaoGateway.*;

/**
 * {@code taobao.tbk.relation.refund} behind the {@link TaobaoGateway}: {@code search_option} as JSON,
 * a 24-hour window from its {@code start_time}, search types 1–4 (each refund once in its latest
 * state) and 5 (every refund snapshot updated in the window).
 */
record TaobaoRefundsQuery(TaobaoGateway gw, ServerContext ctx) {
    GatewayReply answer(Map<String, String> p, long requestNo) {
        String option = p.get("search_option");
        if (option == null || option.isEmpty()) {
            return gw.error(MISSING_ARGUMENTS, "Missing required arguments:search_option", "isv.missing-parameter", null);
        }
        JsonNode o;
        try {
            o = WireJson.MAPPER.readTree(option);
        } catch (JacksonException e) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:search_option", "isv.invalid-parameter", "search_option is not JSON");
        }
        if (o == null || !o.isObject()) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:search_option", "isv.invalid-parameter", "search_option is not a JSON object");
        }
        int pageSize = o.path("page_size").asInt(20);
        int pageNo = o.path("page_no").asInt(1);
        int searchType = o.path("search_type").asInt(1);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:page_size", "isv.invalid-parameter:page_size",
                    "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (pageNo < 1) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:page_no", "isv.invalid-parameter:page_no", "page_no must be at least 1");
        }
        if (searchType < 1 || searchType > 5) {
            return gw.error(INVALID_ARGUMENTS, "Invalid arguments:search_type", "isv.invalid-parameter", "search_type must be 1..5");
        }
        String startText = o.path("start_time").asString("");
        if (startText.isEmpty()) {
            return gw.error(MISSING_ARGUMENTS, "Missing required arguments:start_time", "isv.missing-parameter", null);
        }
        Instant start;
        Instant end;
        try {
            start = BusinessTime.parseLocal(startText);
            String endText = o.path("end_time").asString("");
            end = endText.isEmpty() ? start.plus(Duration.ofDays(1)) : BusinessTime.parseLocal(endText);
        } catch (BadInputException e) {
            return gw.error(REMOTE_ERROR, "Remote service error", "2000", "时间格式错误");
        }
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(Duration.ofDays(1)) > 0) {
            return gw.error(REMOTE_ERROR, "Remote service error", SUB_WINDOW_TOO_LONG, "查询时间跨度不能超过1天");
        }
        List<Snapshot> rows;
        if (searchType == 5) {
            rows = new ArrayList<>(ctx.generator().refundSnapshots(start, end));
        } else {
            Function<TaobaoRefundRow, Instant> field = switch (searchType) {
                case 1 -> TaobaoRefundRow::tkRefundTime;
                case 2 -> TaobaoRefundRow::earningTime;
                case 3 -> TaobaoRefundRow::tkRefundSuitTime;
                default -> TaobaoRefundRow::tbTradeCreateTime;
            };
            rows = new ArrayList<>();
            for (LocalDate d = BusinessTime.dateOf(start).minusDays(ScenarioGenerator.MAX_LIFETIME_DAYS);
                 !d.isAfter(BusinessTime.dateOf(end)); d = d.plusDays(1)) {
                for (GeneratedLine line : ctx.generator().day(d).lines()) {
                    Optional<Snapshot> latest = line.refunds().isEmpty() ? Optional.empty()
                            : Optional.of(line.refunds().get(line.refunds().size() - 1));
                    latest.filter(s -> {
                        Instant t = field.apply((TaobaoRefundRow) s.row());
                        return t != null && !t.isBefore(start) && t.isBefore(end);
                    }).ifPresent(rows::add);
                }
            }
            rows.sort(Comparator.comparing((Snapshot s) -> field.apply((TaobaoRefundRow) s.row()))
                    .thenComparing(Snapshot::lineId));
        }
        int from = (int) Math.min(rows.size(), (long) (pageNo - 1) * pageSize);
        List<Snapshot> page = rows.subList(from, Math.min(rows.size(), from + pageSize));
        List<TaobaoRefundRow> out = page.stream().map(s -> (TaobaoRefundRow) s.row()).toList();
        ctx.recordPage(Platform.TAOBAO, REFUNDS, page, requestNo, pageNo, s -> false);
        return GatewayReply.json(TaobaoJson.refundPage(out, pageNo, pageSize, rows.size(), ctx.requestId(TaobaoJson::requestId)));
    }
}
