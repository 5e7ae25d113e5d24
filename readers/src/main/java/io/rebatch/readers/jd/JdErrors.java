package io.rebatch.readers.jd;

import io.rebatch.domain.Platform;
import tools.jackson.databind.JsonNode;
import io.rebatch.readers.report.Envelopes;
import io.rebatch.readers.api.ErrorVerdict;
import io.rebatch.readers.api.PullException;
import io.rebatch.readers.report.PlatformError;
import java.util.Set;

/**
 * What a JD error answer means to the JD client (platforms.md §2.1, §5). Gateway codes come from
 * {@code error_response.code} (or a non-zero envelope {@code code}); business codes are {@code queryResult.code}
 * other than 200, whose meanings the sources do not give [unverified].
 * <ul>
 *   <li>throttled, retried with back-off: gateway 2 (App Call Limited);</li>
 *   <li>passing, retried: business 5xx (JD's own failures);</li>
 *   <li>configuration, fail fast: 8 (timestamp: the clock), 11/12 (signature), 19 (app key);</li>
 *   <li>anything else (14/15 method, business 400 bad parameters …): fail fast.</li>
 * </ul>
 */
final class JdErrors {
    static final Set<String> THROTTLED = Set.of("2");
    private static final String P = "rebatch.platforms.jd.";

    private JdErrors() {
    }

    static ErrorVerdict classify(PlatformError e) {
        String code = e.code() == null ? "" : e.code().strip();
        if (THROTTLED.contains(code)) {
            return new ErrorVerdict.Retry(true, null);
        }
        if (code.length() == 3 && code.startsWith("5")) {
            return new ErrorVerdict.Retry(false, null);
        }
        String advice = switch (code) {
            case "11", "12" -> "the signature was refused: check " + P + "app-secret";
            case "19" -> "the app key was refused: check " + P + "app-key";
            case "8" -> "the request timestamp was refused: check this machine's clock (JD accepts about ±6 minutes)";
            default -> null;
        };
        if (advice != null) {
            return new ErrorVerdict.Fail(PullException.Kind.CONFIGURATION, advice);
        }
        return new ErrorVerdict.Fail(PullException.Kind.PROTOCOL,
                "JD refused the request or answered an error this client does not know; not retried");
    }

    /** JD gateway {@code error_response{code, zh_desc, en_desc}}. */
    public static PlatformError envelope(JsonNode err) {
        return new PlatformError(Platform.JD, Envelopes.text(err, "code"), null,
                Envelopes.join(Envelopes.text(err, "zh_desc"), Envelopes.text(err, "en_desc"), Envelopes.text(err, "msg")));
    }
}
