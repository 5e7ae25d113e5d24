package io.rebatch.sandbox.jd;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.WireJson;
import io.rebatch.sandbox.generator.GeneratedLine;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.AppCredentials;
import io.rebatch.sandbox.server.Faults;
import io.rebatch.sandbox.server.Gateway;
import io.rebatch.sandbox.server.GatewayReply;
import io.rebatch.sandbox.server.ServerContext;
import io.rebatch.sandbox.server.Signatures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JD JOS gateway ({@code /routerjson}) with {@code jd.union.open.order.row.query}.
 *
 * <p><b>Real</b> (platforms.md §2, §4.2, §5): parameters {@code method, app_key, timestamp, v,
 * sign_method, 360buy_param_json, sign}; uppercase MD5(secret + sorted k+v + secret) over the exact
 * {@code 360buy_param_json} text received; gateway errors
 * {@code {"error_response":{"code":"12","zh_desc":…,"en_desc":…}}} (2 App Call Limited, 8 bad
 * timestamp, 11/12 missing/invalid signature, 14/15 missing/invalid method, 19 invalid app key);
 * the misspelled {@code jd_union_open_order_row_query_responce} envelope with {@code queryResult}
 * a JSON document in a string; {@code pageIndex}/{@code pageSize} (≤ 500) with {@code hasMore};
 * windows of at most one hour; {@code type} 1 order time, 2 finish time, 3 update time.
 *
 * <p><b>Simulated</b>: business errors (window, page size, bad orderReq) answer
 * {@code queryResult.code} {@value #PARAM_ERROR} with a message — JD's exact business codes are not
 * in the sources [unverified]; windows are {@code [startTime, endTime)}; type 3 returns every
 * snapshot updated in the window (in update-time order), types 1/2 each matching line once in its
 * latest state up to the scenario horizon; {@code orderId} looks up one order's lines.
 */
public final class JdGateway implements Gateway {
    static final String METHOD = "jd.union.open.order.row.query";
    public static final int PARAM_ERROR = 400;
    static final int MAX_PAGE_SIZE = 500;
    static final Duration MAX_WINDOW = Duration.ofHours(1);

    private final ServerContext ctx;

    JdGateway(ServerContext ctx) {
        this.ctx = ctx;
    }

    private GatewayReply gatewayError(String code, String zh, String en) {
        ctx.counters(Platform.JD).rejected.incrementAndGet();
        return GatewayReply.json(JdJson.gatewayError(code, zh, en));
    }

    private GatewayReply businessError(String message) {
        ctx.counters(Platform.JD).rejected.incrementAndGet();
        return GatewayReply.json(JdJson.businessError(PARAM_ERROR, message, ctx.requestId(JdJson::requestId)));
    }

    @Override
    public GatewayReply handle(Map<String, String> p, long requestNo, Faults.Decision fault) {
        String appKey = p.get("app_key");
        AppCredentials app = ctx.app(Platform.JD);
        if (appKey == null || !app.key().equals(appKey)) {
            return gatewayError("19", "无效的app_key", "Invalid app_key");
        }
        String method = p.get("method");
        if (method == null || method.isEmpty()) {
            return gatewayError("14", "方法名称缺失", "Missing method");
        }
        String sign = p.get("sign");
        if (sign == null || sign.isEmpty()) {
            return gatewayError("11", "缺少签名参数", "Missing signature");
        }
        Instant ts;
        try {
            ts = BusinessTime.parseLocal(p.getOrDefault("timestamp", ""));
        } catch (BadInputException e) {
            return gatewayError("8", "无效的时间戳", "Invalid timestamp");
        }
        String signMethod = p.get("sign_method");
        if ((signMethod != null && !signMethod.isEmpty() && !signMethod.equalsIgnoreCase("md5"))
                || !Signatures.md5Wrapped(p, app.secret()).equals(sign)) {
            return gatewayError("12", "无效签名", "Invalid Signature");
        }
        if (!ctx.timestampFresh(ts)) {
            return gatewayError("8", "无效的时间戳", "Invalid timestamp");
        }
        if (!method.equals(METHOD)) {
            return gatewayError("15", "无效的方法名", "Invalid method");
        }
        if (fault.throttle()) {
            ctx.counters(Platform.JD).throttled.incrementAndGet();
            return GatewayReply.json(JdJson.gatewayError("2", "调用次数超过限制", "App Call Limited"));
        }
        return orders(p, requestNo);
    }

    private GatewayReply orders(Map<String, String> p, long requestNo) {
        String json = p.get("360buy_param_json");
        if (json == null || json.isEmpty()) {
            return businessError("参数错误: 360buy_param_json不能为空");
        }
        JsonNode req;
        try {
            req = WireJson.MAPPER.readTree(json).path("orderReq");
        } catch (JacksonException e) {
            return businessError("参数错误: 360buy_param_json不是合法的JSON");
        }
        if (!req.isObject()) {
            return businessError("参数错误: orderReq不能为空");
        }
        int pageIndex = req.path("pageIndex").asInt(1);
        int pageSize = req.path("pageSize").asInt(20);
        int type = req.path("type").asInt(0);
        if (pageIndex < 1) {
            return businessError("参数错误: pageIndex必须大于0");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return businessError("参数错误: pageSize取值范围1-" + MAX_PAGE_SIZE);
        }
        List<Snapshot> rows;
        long orderId = req.path("orderId").asLong(0);
        if (orderId != 0) {
            rows = byOrderId(orderId);
        } else {
            if (type < 1 || type > 3) {
                return businessError("参数错误: type取值为1、2、3");
            }
            Instant start;
            Instant end;
            try {
                start = BusinessTime.parseLocal(req.path("startTime").asString(""));
                end = BusinessTime.parseLocal(req.path("endTime").asString(""));
            } catch (BadInputException e) {
                return businessError("参数错误: startTime/endTime格式为yyyy-MM-dd HH:mm:ss");
            }
            if (!end.isAfter(start)) {
                return businessError("参数错误: endTime必须大于startTime");
            }
            if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                return businessError("参数错误: startTime和endTime的时间跨度不能超过1小时");
            }
            rows = candidates(type, start, end);
        }
        int from = (int) Math.min(rows.size(), (long) (pageIndex - 1) * pageSize);
        int to = Math.min(rows.size(), from + pageSize);
        List<Snapshot> page = rows.subList(from, to);
        ctx.recordPage(Platform.JD, METHOD, page, requestNo, pageIndex, s -> false);
        return GatewayReply.json(JdJson.orderPage(page.stream().map(s -> (JdOrderRow) s.row()).toList(),
                to < rows.size(), ctx.requestId(JdJson::requestId)));
    }

    @Override
    public List<Snapshot> window(Instant from, Instant to) {
        return ctx.generator().snapshots(Platform.JD, from, to);
    }

    private List<Snapshot> candidates(int type, Instant start, Instant end) {
        ScenarioGenerator g = ctx.generator();
        if (type == 3) {
            return g.snapshots(Platform.JD, start, end);
        }
        Function<JdOrderRow, Instant> field = type == 1 ? JdOrderRow::orderTime : JdOrderRow::finishTime;
        LocalDate firstDay = BusinessTime.dateOf(start).minusDays(type == 2 ? ScenarioGenerator.MAX_LIFETIME_DAYS : 0);
        List<Snapshot> out = g.latestStates(Platform.JD, firstDay, BusinessTime.dateOf(end), s -> {
            Instant t = field.apply((JdOrderRow) s.row());
            return t != null && !t.isBefore(start) && t.isBefore(end);
        });
        out.sort(Comparator.comparing((Snapshot s) -> field.apply((JdOrderRow) s.row())).thenComparing(Snapshot::lineId));
        return out;
    }

    private List<Snapshot> byOrderId(long orderId) {
        List<Snapshot> out = new ArrayList<>();
        ctx.generator().lines(Platform.JD).filter(l -> l.parentOrderId().equals(Long.toString(orderId)))
                .map(GeneratedLine::snapshots).filter(s -> !s.isEmpty())
                .forEach(s -> out.add(s.get(s.size() - 1)));
        return out;
    }
}
