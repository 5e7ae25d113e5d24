package io.rebatch.sandbox.taobao;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.AppCredentials;
import io.rebatch.sandbox.server.Faults;
import io.rebatch.sandbox.server.Gateway;
import io.rebatch.sandbox.server.GatewayReply;
import io.rebatch.sandbox.server.ServerContext;
import io.rebatch.sandbox.server.Signatures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
final class TaobaoGateway implements Gateway {
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
    private final TaobaoOrdersQuery orders;
    private final TaobaoRefundsQuery refunds;

    TaobaoGateway(ServerContext ctx) {
        this.ctx = ctx;
        this.orders = new TaobaoOrdersQuery(this, ctx);
        this.refunds = new TaobaoRefundsQuery(this, ctx);
    }

    @Override
    public List<Snapshot> window(Instant from, Instant to) {
        return ctx.generator().snapshots(Platform.TAOBAO, from, to);
    }

    GatewayReply error(int code, String msg, String subCode, String subMsg) {
        ctx.counters(Platform.TAOBAO).rejected.incrementAndGet();
        return GatewayReply.json(TaobaoJson.topError(code, msg, subCode, subMsg, ctx.requestId(TaobaoJson::requestId)));
    }

    @Override
    public GatewayReply handle(Map<String, String> p, long requestNo, Faults.Decision fault) {
        String method = p.get("method");
        String appKey = p.get("app_key");
        if (appKey == null || appKey.isEmpty()) {
            return error(MISSING_APP_KEY, "Missing app key", null, null);
        }
        if (method == null || method.isEmpty()) {
            return error(MISSING_METHOD, "Missing method", null, null);
        }
        AppCredentials app = ctx.app(Platform.TAOBAO);
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
                    ? TaobaoJson.topError(THROTTLED, "App Call Limited", "accesscontrol.limited-by-app-access-count",
                    "This ban will last for " + ctx.banSeconds() + " more seconds", ctx.requestId(TaobaoJson::requestId))
                    : TaobaoJson.topError(REMOTE_ERROR, "Remote service error", SUB_ACCOUNT_THROTTLED,
                    "账号限流，请稍后重试", ctx.requestId(TaobaoJson::requestId));
            return GatewayReply.json(body);
        }
        return method.equals(ORDERS) ? orders.answer(p, requestNo) : refunds.answer(p, requestNo);
    }
}
