package io.rebatch.sandbox.pdd;

import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.AppCredentials;
import io.rebatch.sandbox.server.Faults;
import io.rebatch.sandbox.server.Gateway;
import io.rebatch.sandbox.server.GatewayReply;
import io.rebatch.sandbox.server.ServerContext;
import io.rebatch.sandbox.server.Signatures;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Pinduoduo open-platform gateway ({@code /api/router}) with
 * {@code pdd.ddk.order.list.increment.get}.
 *
 * <p><b>Real</b> (platforms.md §3, §4.3, §5): parameters {@code type, client_id, timestamp}
 * (epoch seconds){@code , data_type=JSON, version, sign}; uppercase MD5(secret + sorted k+v +
 * secret); error envelope {@code error_response{error_code,error_msg,sub_code,sub_msg,request_id}};
 * throttling 52101 当前接口被限流 and 70031 调用过于频繁; windows {@code start_update_time..end_update_time}
 * of at most 24 h; {@code page} from 1, {@code page_size} 10–100; {@code total_count} unless
 * {@code return_count=false}; updates during paging ({@link PddPagingSimulator}).
 *
 * <p><b>Simulated</b> [unverified codes]: 10016 unknown {@code client_id}, 10017 bad signature,
 * 10000 for every parameter error (with a {@code sub_msg} naming it); windows are
 * {@code [start, end)}; the 90-day look-back is not checked.
 */
public final class PddGateway implements Gateway {
    static final String METHOD = "pdd.ddk.order.list.increment.get";
    public static final int PARAM_ERROR = 10000;
    public static final int INVALID_CLIENT_ID = 10016;
    public static final int INVALID_SIGN = 10017;
    public static final int THROTTLED = 52101;
    public static final int TOO_FREQUENT = 70031;
    static final long MAX_WINDOW_SECONDS = 24 * 3600;
    static final int MIN_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;

    private final ServerContext ctx;
    private final PddPagingSimulator paging;

    PddGateway(ServerContext ctx) {
        this.ctx = ctx;
        this.paging = new PddPagingSimulator(ctx.generator(), ctx.pddUpdatesPerPage(), ctx.counters(Platform.PDD), ctx.seed());
    }

    /** The real snapshots minus those superseded by simulated updates, plus the simulated ones; sorted as served. */
    @Override
    public List<Snapshot> window(Instant from, Instant to) {
        return paging.window(from, to);
    }

    private GatewayReply error(int code, String msg, String subMsg) {
        ctx.counters(Platform.PDD).rejected.incrementAndGet();
        return GatewayReply.json(PddJson.error(code, msg, subMsg, ctx.requestId(PddJson::requestId)));
    }

    @Override
    public GatewayReply handle(Map<String, String> p, long requestNo, Faults.Decision fault) {
        AppCredentials app = ctx.app(Platform.PDD);
        String clientId = p.get("client_id");
        if (clientId == null || !clientId.equals(app.key())) {
            return error(INVALID_CLIENT_ID, "client_id不存在", "client_id无效: " + (clientId == null ? "缺少client_id" : clientId));
        }
        String type = p.get("type");
        if (type == null || type.isEmpty()) {
            return error(PARAM_ERROR, "参数错误:type", "缺少type");
        }
        String timestamp = p.get("timestamp");
        long ts;
        try {
            if (timestamp == null || !timestamp.matches("\\d{9,11}")) {
                throw new NumberFormatException();
            }
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return error(PARAM_ERROR, "参数错误:timestamp", "timestamp必须是秒级时间戳");
        }
        String sign = p.get("sign");
        if (sign == null || !Signatures.md5Wrapped(p, app.secret()).equals(sign)) {
            return error(INVALID_SIGN, "签名错误", "sign校验失败");
        }
        if (!ctx.timestampFresh(Instant.ofEpochSecond(ts))) {
            return error(PARAM_ERROR, "参数错误:timestamp", "timestamp与服务器时间相差超过10分钟");
        }
        String dataType = p.get("data_type");
        if (dataType != null && !dataType.isEmpty() && !dataType.equalsIgnoreCase("JSON")) {
            return error(PARAM_ERROR, "参数错误:data_type", "沙箱只支持JSON");
        }
        if (!type.equals(METHOD)) {
            return error(PARAM_ERROR, "参数错误:type", "接口不存在: " + type);
        }
        if (fault.throttle()) {
            ctx.counters(Platform.PDD).throttled.incrementAndGet();
            boolean limited = fault.kind() < 50;
            return GatewayReply.json(PddJson.error(limited ? THROTTLED : TOO_FREQUENT,
                    limited ? "当前接口被限流，请稍后重试" : "调用过于频繁，请调整调用频率", null, ctx.requestId(PddJson::requestId)));
        }
        return orders(p, requestNo);
    }

    private GatewayReply orders(Map<String, String> p, long requestNo) {
        Long start = longParam(p, "start_update_time");
        Long end = longParam(p, "end_update_time");
        if (start == null || end == null) {
            return error(PARAM_ERROR, "参数错误:start_update_time/end_update_time", "start_update_time和end_update_time必填且为秒级时间戳");
        }
        if (end <= start) {
            return error(PARAM_ERROR, "参数错误:end_update_time", "end_update_time必须大于start_update_time");
        }
        if (end - start > MAX_WINDOW_SECONDS) {
            return error(PARAM_ERROR, "参数错误:时间范围", "查询时间范围不能超过24小时");
        }
        Long page = longParam(p, "page");
        Long pageSize = longParam(p, "page_size");
        long pg = p.containsKey("page") ? (page == null ? -1 : page) : 1;
        long size = p.containsKey("page_size") ? (pageSize == null ? -1 : pageSize) : 100;
        if (pg < 1 || pg > 10_000) {
            return error(PARAM_ERROR, "参数错误:page", "page取值范围1-10000");
        }
        if (size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
            return error(PARAM_ERROR, "参数错误:page_size", "page_size取值范围" + MIN_PAGE_SIZE + "-" + MAX_PAGE_SIZE);
        }
        boolean returnCount = !"false".equalsIgnoreCase(p.getOrDefault("return_count", "true"));
        PddPagingSimulator.Page result = paging.page(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), (int) pg, (int) size);
        ctx.recordPage(Platform.PDD, METHOD, result.rows(), requestNo, pg, paging::simulated);
        return GatewayReply.json(PddJson.orderPage(result.rows().stream().map(s -> (PddOrderRow) s.row()).toList(),
                returnCount ? (long) result.total() : null, ctx.requestId(PddJson::requestId)));
    }

    private static Long longParam(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
