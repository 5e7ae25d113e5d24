package io.rebatch.readers.taobao;

import io.rebatch.domain.Platform;
import tools.jackson.databind.JsonNode;
import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.api.ErrorVerdict;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.report.PlatformError;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a TOP error answer means to the Taobao clients (platforms.md §1.1, §5). Codes marked [unverified] there are
 * kept in the sets below so they are easy to change.
 * <ul>
 *   <li>throttled, retried after the ban's "N more seconds" (or back-off): code 7, sub_code {@code accesscontrol.*},
 *       the order API's 9100 (账号限流) and 3000 (限流);</li>
 *   <li>passing, retried: code 10 (service unavailable), code 15 without a sub_code, sub_code 3001 (系统繁忙) and
 *       {@code isp.*} (the platform's own failures);</li>
 *   <li>configuration, fail fast: signature (24/25), app key (28/29), session (26/27), permissions (11/12),
 *       timestamp (30/31), window too long (2007) or too old (2004);</li>
 *   <li>anything else (bad parameters 40/41, method 21/22, version, {@code isv.*}, refund {@code result_code}s …):
 *       the request is wrong or the API changed, fail fast.</li>
 * </ul>
 */
final class TopErrors {
    static final Set<String> THROTTLE_SUB_CODES = Set.of("9100", "3000");
    static final Set<String> TRANSIENT_CODES = Set.of("10");
    static final Set<String> TRANSIENT_SUB_CODES = Set.of("3001");
    private static final Pattern BAN = Pattern.compile("(\\d{1,9})\\s*more\\s*seconds?", Pattern.CASE_INSENSITIVE);
    private static final String P = "rebatch.platforms.taobao.";

    private TopErrors() {
    }

    static ErrorVerdict classify(PlatformError e) {
        String code = e.code() == null ? "" : e.code().strip();
        String sub = e.subCode() == null ? "" : e.subCode().strip();
        if (code.equals("7") || sub.startsWith("accesscontrol.") || THROTTLE_SUB_CODES.contains(sub)) {
            return new ErrorVerdict.Retry(true, banSeconds(e.message()));
        }
        if (TRANSIENT_CODES.contains(code) || TRANSIENT_SUB_CODES.contains(sub) || sub.startsWith("isp.")
                || (code.equals("15") && sub.isEmpty())) {
            return new ErrorVerdict.Retry(false, null);
        }
        String advice = switch (code) {
            case "24", "25" -> "the signature was refused: check " + P + "app-secret and " + P + "sign-method";
            case "28", "29" -> "the app key was refused: check " + P + "app-key";
            case "26", "27" -> "the API wants a valid session: this order API should not; check " + P + "endpoint and the API's permissions";
            case "11", "12" -> "the app has no permission for this API: ask Alimama to grant it to " + P + "app-key";
            case "30", "31" -> "the request timestamp was refused: check this machine's clock (TOP accepts about ±10 minutes)";
            default -> null;
        };
        if (advice == null) {
            advice = switch (sub) {
                case "2007" -> "the window is longer than Taobao accepts here: add the big promotion to " + P
                        + "promotion-periods (20-minute windows) or lower " + P + "window";
                case "2004" -> "the window starts more than 90 days ago, which the API does not serve: import the back-office export instead";
                default -> null;
            };
        }
        if (advice != null) {
            return new ErrorVerdict.Fail(PullException.Kind.CONFIGURATION, advice);
        }
        return new ErrorVerdict.Fail(PullException.Kind.PROTOCOL,
                "Taobao refused the request or answered an error this client does not know; not retried (check the API's documentation for the code)");
    }

    /** N of TOP's "This ban will last for N more seconds", or null. */
    static Duration banSeconds(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = BAN.matcher(message);
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }

    /** TOP {@code error_response{code, msg, sub_code, sub_msg}} (also used by the Taobao refund API). */
    public static PlatformError envelope(JsonNode err) {
        return new PlatformError(Platform.TAOBAO, Envelopes.text(err, "code"), Envelopes.text(err, "sub_code"),
                Envelopes.join(Envelopes.text(err, "msg"), Envelopes.text(err, "sub_msg")));
    }
}
