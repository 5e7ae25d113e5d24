package io.rebatch.sandbox.server;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.format.PlatformJson;
import io.rebatch.sandbox.format.TaobaoPositionIndex;
import io.rebatch.sandbox.generator.DayBatch;
import io.rebatch.sandbox.generator.OrderLine;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.generator.TaobaoOrderRow;
import io.rebatch.sandbox.generator.TaobaoRefundRow;
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

/**
 * The Taobao Open Platform gateway ({@code /router/rest}) with {@code taobao.tbk.order.details.get}
 * and {@code taobao.tbk.relation.refund}.
 *
 * <p><b>Real</b> (platforms.md §1, §4.1, §5): common parameters, md5 / hmac / hmac-sha256
 * signatures, error envelope {@code error_response{code,msg,sub_code,sub_msg,request_id}} with
 * the TOP platform codes (7 throttled with "This ban will last for N more seconds", 21/22 method,
 * 24/25 signature, 28/29 app key, 30/31 timestamp, 40/41 arguments) and the order API's business
 * codes as {@code sub_code} under code 15 (9100 throttled, 2000/2001/2002 bad times, 2007 window
 * longer than 3 h — or 20 min in a configured promotion period, 1005 jump_type, 1006 tk_status,
 * 1008 position_index); paging by {@code page_no} + opaque {@code position_index} + {@code jump_type}
 * with {@code has_pre}/{@code has_next}; results in {@code modified_time} order for
 * {@code query_type=4}; {@code order_scene} 2/3 keep only channel/member orders.
 *
 * <p><b>Simulated</b>: windows are {@code [start_time, end_time)}; {@code query_type} 1/2/3
 * (create/pay/settle time) return each matching line once in its latest state up to the scenario
 * horizon, while {@code query_type=4} returns every snapshot updated in the window (so an order
 * shows in each window where it changed); the 90-day look-back (2004) is not checked; a missing
 * {@code format} is served as JSON; {@code relation.refund} reads {@code search_option.start_time}
 * as the start of a 24 h window (a sandbox-only {@code end_time} may narrow it). Exact codes the
 * sources mark [unverified] live in the constants below.
 */
final class TaobaoGateway {
    static final String ORDERS = "taobao.tbk.order.details.get";
    static final String REFUNDS = "taobao.tbk.relation.refund";
    static final int THROTTLED = 7;
    static final int REMOTE_ERROR = 15;
    static final int MISSING_METHOD = 21;
    static final int INVALID_METHOD = 22;
    static final int INVALID_FORMAT = 23;
    static final int MISSING_SIGNATURE = 24;
    static final int INVALID_SIGNATURE = 25;
    static final int MISSING_APP_KEY = 28;
    static final int INVALID_APP_KEY = 29;
    static final int MISSING_TIMESTAMP = 30;
    static final int INVALID_TIMESTAMP = 31;
    static final int MISSING_VERSION = 32;
    static final int UNSUPPORTED_VERSION = 34;
    static final int MISSING_ARGUMENTS = 40;
    static final int INVALID_ARGUMENTS = 41;
    static final String SUB_ACCOUNT_THROTTLED = "9100";
    static final String SUB_WINDOW_TOO_LONG = "2007";
    static final Duration MAX_WINDOW = Duration.ofHours(3);
    static final Duration MAX_PROMOTION_WINDOW = Duration.ofMinutes(20);
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE_NO = 100;

    private final ServerContext ctx;

    TaobaoGateway(ServerContext ctx) {
        this.ctx = ctx;
    }

    private Reply error(int code, String msg, String subCode, String subMsg) {
        ctx.counters(Platform.TAOBAO).rejected.incrementAndGet();
        return Reply.json(PlatformJson.topError(code, msg, subCode, subMsg, ctx.topRequestId()));
    }

    Reply handle(Map<String, String> p, long requestNo, Faults.Decision fault) {
        String method = p.get("method");
        String appKey = p.get("app_key");
        if (appKey == null || appKey.isEmpty()) {
            return error(MISSING_APP_KEY, "Missing app key", null, null);
        }
        if (method == null || method.isEmpty()) {
            return error(MISSING_METHOD, "Missing method", null, null);
        }
        AppCredentials app = ctx.apps.get(Platform.TAOBAO);
        if (!app.key().equals(appKey)) {
            return error(INVALID_APP_KEY, "Invalid app Key", null, null);
        }
        String sign = p.get("sign");
        if (sign == null || sign.isEmpty()) {
            return error(MISSING_SIGNATURE, "Missing signature", null, null);
        }
        String timestamp = p.get("timestamp");
        if (timestamp == null || timestamp.isEmpty()) {
            return error(MISSING_TIMESTAMP, "Missing timestamp", null, null);
        }
        Instant ts;
        try {
            ts = BusinessTime.parseLocal(timestamp);
        } catch (BadInputException e) {
            return error(INVALID_TIMESTAMP, "Invalid timestamp", null, "timestamp must be yyyy-MM-dd HH:mm:ss (GMT+8)");
        }
        String expected = Signatures.top(p, app.secret(), p.get("sign_method"));
        if (expected == null || !expected.equals(sign)) {
            return error(INVALID_SIGNATURE, "Invalid signature", null, null);
        }
        if (!ctx.timestampFresh(ts)) {
            return error(INVALID_TIMESTAMP, "Invalid timestamp", null, "timestamp too far from server time");
        }
        String v = p.get("v");
        if (v == null || v.isEmpty()) {
            return error(MISSING_VERSION, "Missing version", null, null);
        }
        if (!v.equals("2.0")) {
            return error(UNSUPPORTED_VERSION, "Unsupported version", null, null);
        }
        String format = p.get("format");
        if (format != null && !format.isEmpty() && !format.equalsIgnoreCase("json")) {
            return error(INVALID_FORMAT, "Invalid format", null, "the sandbox answers json only");
        }
        if (!method.equals(ORDERS) && !method.equals(REFUNDS)) {
            return error(INVALID_METHOD, "Invalid method", null, null);
        }
        if (fault.throttle()) {
            ctx.counters(Platform.TAOBAO).throttled.incrementAndGet();
            String body = fault.kind() < 70
                    ? PlatformJson.topError(THROTTLED, "App Call Limited", "accesscontrol.limited-by-app-access-count",
                    "This ban will last for " + ctx.banSeconds + " more seconds", ctx.topRequestId())
                    : PlatformJson.topError(REMOTE_ERROR, "Remote service error", SUB_ACCOUNT_THROTTLED,
                    "账号限流，请稍后重试", ctx.topRequestId());
            return Reply.json(body);
        }
        return method.equals(ORDERS) ? orders(p, requestNo) : refunds(p, requestNo);
    }

    // ------------------------------------------------------------------ order.details.get

    private Reply orders(Map<String, String> p, long requestNo) {
        Integer queryType = intParam(p, "query_type", 1);
        Integer pageNo = intParam(p, "page_no", 1);
        Integer pageSize = intParam(p, "page_size", 20);
        Integer jumpType = intParam(p, "jump_type", 1);
        Integer orderScene = intParam(p, "order_scene", 1);
        Integer tkStatus = intParam(p, "tk_status", null);
        if (queryType == null || queryType < 1 || queryType > 4) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:query_type", "isv.invalid-parameter", "query_type must be 1, 2, 3 or 4");
        }
        if (pageSize == null || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:page_size", "isv.invalid-parameter:page_size",
                    "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (pageNo == null || pageNo < 1 || pageNo > MAX_PAGE_NO) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:page_no", "isv.invalid-parameter:page_no",
                    "page_no must be between 1 and " + MAX_PAGE_NO);
        }
        if (jumpType == null || (jumpType != 1 && jumpType != -1)) {
            return error(REMOTE_ERROR, "Remote service error", "1005", "jump_type只能为1或-1");
        }
        if (orderScene == null || orderScene < 1 || orderScene > 3) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:order_scene", "isv.invalid-parameter", "order_scene must be 1, 2 or 3");
        }
        if (p.containsKey("tk_status") && (tkStatus == null || !List.of(3, 11, 12, 13, 14).contains(tkStatus))) {
            return error(REMOTE_ERROR, "Remote service error", "1006", "tk_status参数错误");
        }
        String startText = p.get("start_time");
        String endText = p.get("end_time");
        if (startText == null || startText.isEmpty()) {
            return error(MISSING_ARGUMENTS, "Missing required arguments:start_time", "isv.missing-parameter", null);
        }
        if (endText == null || endText.isEmpty()) {
            return error(MISSING_ARGUMENTS, "Missing required arguments:end_time", "isv.missing-parameter", null);
        }
        Instant start;
        Instant end;
        try {
            start = BusinessTime.parseLocal(startText);
        } catch (BadInputException e) {
            return error(REMOTE_ERROR, "Remote service error", "2000", "start_time格式错误");
        }
        try {
            end = BusinessTime.parseLocal(endText);
        } catch (BadInputException e) {
            return error(REMOTE_ERROR, "Remote service error", "2001", "end_time格式错误");
        }
        if (!end.isAfter(start)) {
            return error(REMOTE_ERROR, "Remote service error", "2002", "end_time必须晚于start_time");
        }
        Duration window = Duration.between(start, end);
        boolean promotion = ctx.promotions.stream().anyMatch(pp -> pp.overlaps(start, end));
        if (promotion && window.compareTo(MAX_PROMOTION_WINDOW) > 0) {
            return error(REMOTE_ERROR, "Remote service error", SUB_WINDOW_TOO_LONG, "大促期间查询时间跨度不能超过20分钟");
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            return error(REMOTE_ERROR, "Remote service error", SUB_WINDOW_TOO_LONG, "查询时间跨度不能超过3小时");
        }
        TaobaoPositionIndex.Cursor cursor = null;
        String positionIndex = p.get("position_index");
        if (positionIndex != null && !positionIndex.isEmpty()) {
            cursor = TaobaoPositionIndex.decode(positionIndex);
            if (cursor == null) {
                return error(REMOTE_ERROR, "Remote service error", "1008", "position_index参数错误");
            }
        }

        List<Keyed> rows = new ArrayList<>();
        for (Snapshot s : candidates(queryType, start, end)) {
            TaobaoOrderRow r = (TaobaoOrderRow) s.row();
            if (tkStatus != null && r.tkStatus() != tkStatus) {
                continue;
            }
            if ((orderScene == 2 && r.relationId() == null) || (orderScene == 3 && r.specialId() == null)) {
                continue;
            }
            Instant sortTime = switch (queryType) {
                case 1 -> r.tkCreateTime();
                case 2 -> r.tkPaidTime();
                case 3 -> r.tkEarningTime();
                default -> s.updatedAt();
            };
            rows.add(new Keyed(new TaobaoPositionIndex.Key(sortTime.getEpochSecond(), Long.parseLong(s.lineId()), s.seq()), s));
        }
        rows.sort(Comparator.comparing(Keyed::key));

        int from;
        int to;
        if (cursor != null && pageNo > 1 && jumpType == 1) {
            from = firstAfter(rows, cursor.last());
            to = Math.min(rows.size(), from + pageSize);
        } else if (cursor != null && pageNo > 1) { // jump_type = -1: the page before
            to = firstAtOrAfter(rows, cursor.first());
            from = Math.max(0, to - pageSize);
        } else {
            from = (int) Math.min(rows.size(), (long) (pageNo - 1) * pageSize);
            to = Math.min(rows.size(), from + pageSize);
        }
        List<Keyed> page = rows.subList(from, to);
        List<TaobaoOrderRow> out = new ArrayList<>(page.size());
        List<Snapshot> snaps = new ArrayList<>(page.size());
        for (Keyed k : page) {
            out.add((TaobaoOrderRow) k.snapshot().row());
            snaps.add(k.snapshot());
        }
        String nextIndex = page.isEmpty() ? (positionIndex == null ? "" : positionIndex)
                : TaobaoPositionIndex.encode(page.get(0).key(), page.get(page.size() - 1).key());
        boolean hasPre = from > 0 || (page.isEmpty() && pageNo > 1);
        boolean hasNext = to < rows.size();
        ctx.recordPage(Platform.TAOBAO, ORDERS, snaps, requestNo, pageNo, s -> false);
        return Reply.json(PlatformJson.taobaoOrderPage(out, hasPre, hasNext, pageNo, pageSize, nextIndex, ctx.topRequestId()));
    }

    private record Keyed(TaobaoPositionIndex.Key key, Snapshot snapshot) {
    }

    private static int firstAfter(List<Keyed> rows, TaobaoPositionIndex.Key k) {
        int i = 0;
        while (i < rows.size() && rows.get(i).key().compareTo(k) <= 0) {
            i++;
        }
        return i;
    }

    private static int firstAtOrAfter(List<Keyed> rows, TaobaoPositionIndex.Key k) {
        int i = 0;
        while (i < rows.size() && rows.get(i).key().compareTo(k) < 0) {
            i++;
        }
        return i;
    }

    /** Update-time history for query_type 4; for 1/2/3 the latest state of each line whose create/pay/settle time is in the window. */
    private List<Snapshot> candidates(int queryType, Instant start, Instant end) {
        ScenarioGenerator g = ctx.generator;
        if (queryType == 4) {
            return g.snapshots(Platform.TAOBAO, start, end);
        }
        Function<TaobaoOrderRow, Instant> field = switch (queryType) {
            case 1 -> TaobaoOrderRow::tkCreateTime;
            case 2 -> TaobaoOrderRow::tkPaidTime;
            default -> TaobaoOrderRow::tkEarningTime;
        };
        LocalDate firstDay = BusinessTime.dateOf(start).minusDays(queryType == 3 ? ScenarioGenerator.MAX_LIFETIME_DAYS : 1);
        return latestStates(g, Platform.TAOBAO, firstDay, BusinessTime.dateOf(end), s -> {
            Instant t = field.apply((TaobaoOrderRow) s.row());
            return t != null && !t.isBefore(start) && t.isBefore(end);
        });
    }

    /** The latest snapshot of each line created between the two days that passes the filter. */
    static List<Snapshot> latestStates(ScenarioGenerator g, Platform platform, LocalDate firstDay, LocalDate lastDay,
                                       java.util.function.Predicate<Snapshot> keep) {
        List<Snapshot> out = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            DayBatch batch = g.day(d);
            for (OrderLine line : batch.lines()) {
                if (line.platform() != platform || line.snapshots().isEmpty()) {
                    continue;
                }
                Snapshot latest = line.snapshots().get(line.snapshots().size() - 1);
                if (keep.test(latest)) {
                    out.add(latest);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ relation.refund

    private Reply refunds(Map<String, String> p, long requestNo) {
        String option = p.get("search_option");
        if (option == null || option.isEmpty()) {
            return error(MISSING_ARGUMENTS, "Missing required arguments:search_option", "isv.missing-parameter", null);
        }
        JsonNode o;
        try {
            o = PlatformJson.MAPPER.readTree(option);
        } catch (JacksonException e) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:search_option", "isv.invalid-parameter", "search_option is not JSON");
        }
        if (o == null || !o.isObject()) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:search_option", "isv.invalid-parameter", "search_option is not a JSON object");
        }
        int pageSize = o.path("page_size").asInt(20);
        int pageNo = o.path("page_no").asInt(1);
        int searchType = o.path("search_type").asInt(1);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:page_size", "isv.invalid-parameter:page_size",
                    "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (pageNo < 1) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:page_no", "isv.invalid-parameter:page_no", "page_no must be at least 1");
        }
        if (searchType < 1 || searchType > 5) {
            return error(INVALID_ARGUMENTS, "Invalid arguments:search_type", "isv.invalid-parameter", "search_type must be 1..5");
        }
        String startText = o.path("start_time").asString("");
        if (startText.isEmpty()) {
            return error(MISSING_ARGUMENTS, "Missing required arguments:start_time", "isv.missing-parameter", null);
        }
        Instant start;
        Instant end;
        try {
            start = BusinessTime.parseLocal(startText);
            String endText = o.path("end_time").asString("");
            end = endText.isEmpty() ? start.plus(Duration.ofDays(1)) : BusinessTime.parseLocal(endText);
        } catch (BadInputException e) {
            return error(REMOTE_ERROR, "Remote service error", "2000", "时间格式错误");
        }
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(Duration.ofDays(1)) > 0) {
            return error(REMOTE_ERROR, "Remote service error", SUB_WINDOW_TOO_LONG, "查询时间跨度不能超过1天");
        }
        List<Snapshot> rows;
        if (searchType == 5) {
            rows = new ArrayList<>(ctx.generator.refundSnapshots(start, end));
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
                for (OrderLine line : ctx.generator.day(d).lines()) {
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
        return Reply.json(PlatformJson.taobaoRefundPage(out, pageNo, pageSize, rows.size(), ctx.topRequestId()));
    }

    private static Integer intParam(Map<String, String> p, String name, Integer dflt) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
