package io.rebatch.readers.pdd;

import io.rebatch.domain.Platform;
import tools.jackson.databind.JsonNode;
import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.api.ErrorVerdict;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.report.PlatformError;
import java.util.Set;

/**
 * What a Pinduoduo {@code error_response} means to the PDD client (platforms.md §5).
 * <ul>
 *   <li>throttled or briefly unavailable, retried with back-off: 52101 当前接口被限流, 52102 接口暂时不可用,
 *       52103 服务暂时不可用, 70031 调用过于频繁;</li>
 *   <li>configuration, fail fast: client_id / signature / access_token refused (10016, 10017, 10019 and the
 *       {@link #CONFIGURATION} set; PDD's exact codes for the first two are [unverified]);</li>
 *   <li>anything else (10000 bad parameter …): fail fast.</li>
 * </ul>
 */
final class PddErrors {
    static final Set<String> THROTTLED = Set.of("52101", "52102", "52103", "70031");
    static final Set<String> CONFIGURATION = Set.of("10016", "10017", "10019");
    private static final String P = "rebatch.platforms.pdd.";

    private PddErrors() {
    }

    static ErrorVerdict classify(PlatformError e) {
        String code = e.code() == null ? "" : e.code().strip();
        String sub = e.subCode() == null ? "" : e.subCode().strip();
        if (THROTTLED.contains(code) || THROTTLED.contains(sub)) {
            return new ErrorVerdict.Retry(true, null);
        }
        if (CONFIGURATION.contains(code)) {
            return new ErrorVerdict.Fail(PullException.Kind.CONFIGURATION, switch (code) {
                case "10016" -> "the client id was refused: check " + P + "client-id";
                case "10017" -> "the signature was refused: check " + P + "client-secret";
                default -> "the credentials were refused: check " + P + "client-id and " + P + "client-secret";
            });
        }
        String text = e.message();
        if (text.contains("sign") || text.contains("签名")) {
            return new ErrorVerdict.Fail(PullException.Kind.CONFIGURATION, "the signature was refused: check " + P + "client-secret");
        }
        if (text.contains("timestamp")) {
            return new ErrorVerdict.Fail(PullException.Kind.CONFIGURATION,
                    "the request timestamp was refused: check this machine's clock (PDD accepts about ±10 minutes)");
        }
        return new ErrorVerdict.Fail(PullException.Kind.PROTOCOL,
                "Pinduoduo refused the request or answered an error this client does not know; not retried");
    }

    /** PDD {@code error_response{error_code, error_msg, sub_code, sub_msg}}. */
    public static PlatformError envelope(JsonNode err) {
        return new PlatformError(Platform.PDD, Envelopes.text(err, "error_code"), Envelopes.text(err, "sub_code"),
                Envelopes.join(Envelopes.text(err, "error_msg"), Envelopes.text(err, "sub_msg")));
    }
}
