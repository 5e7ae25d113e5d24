package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses why a refused file is bad from its quarantined rows (SPEC 9: "one line naming the likely cause: wrong
 * platform, encoding or file kind"). Looks at the reason and the first characters of the raw text of the first
 * {@value #SAMPLE} bad rows, never logs or returns raw text.
 *
 * <ul>
 *   <li><b>wrong platform</b>: most rows carry another platform's response envelope ({@code tbk_…},
 *   {@code jd_union_open_…}, {@code order_list_get_response}); for Taobao, a refund feed imported as orders or
 *   the reverse is named as such;</li>
 *   <li><b>wrong encoding</b>: most rows are not valid UTF-8/GB18030 text, or hold replacement or control
 *   characters (binary data);</li>
 *   <li>otherwise <b>not a file of this kind</b>.</li>
 * </ul>
 */
final class RefusalCause {
    static final int SAMPLE = 200;
    private static final int HEAD = 400;

    private enum Marker { TAOBAO_ORDERS, TAOBAO_REFUNDS, JD, PDD }

    private final ImportKind<?> kind;
    private final Map<Marker, Integer> markers = new EnumMap<>(Marker.class);
    private int encoding;
    private int sampled;
    private String firstReason;
    private long firstLine;

    RefusalCause(ImportKind<?> kind) {
        this.kind = kind;
    }

    void add(QuarantineStore.Entry e) {
        if (firstReason == null) {
            firstReason = e.reason();
            firstLine = e.lineNo();
        }
        if (sampled >= SAMPLE) {
            return;
        }
        sampled++;
        String reason = e.reason() == null ? "" : e.reason();
        String raw = e.rawText() == null ? "" : e.rawText();
        String head = raw.length() > HEAD ? raw.substring(0, HEAD) : raw;
        if (reason.contains("UTF-8") || reason.contains("GB18030") || reason.toLowerCase(Locale.ROOT).contains("encoding")
                || binary(head)) {
            encoding++;
            return;
        }
        Marker m = marker(head + " " + reason, ownMarker());
        if (m != null) {
            markers.merge(m, 1, Integer::sum);
        }
    }

    /** The first bad row's reason, for the message. */
    String firstReason() {
        return firstReason == null ? null : "line " + firstLine + ": " + cut(firstReason, 200);
    }

    /** The likely cause, e.g. {@code wrong platform? the rows look like a JD report, imported as PDD}. */
    String likelyCause() {
        String platform = kind.platform();
        Marker own = ownMarker();
        Marker top = null;
        int topCount = 0;
        for (Map.Entry<Marker, Integer> e : markers.entrySet()) {
            if (e.getKey() != own && e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        if (top != null && topCount * 2 >= sampled) {
            return switch (top) {
                case TAOBAO_REFUNDS -> "not an order report: the rows look like a Taobao refund feed"
                        + " (import it with --platform taobao --refunds)";
                case TAOBAO_ORDERS -> own == Marker.TAOBAO_REFUNDS
                        ? "not a refund feed: the rows look like a Taobao order report (import it without --refunds)"
                        : "wrong platform? the rows look like a TAOBAO report, imported as " + platform;
                case JD -> "wrong platform? the rows look like a JD report, imported as " + platform;
                case PDD -> "wrong platform? the rows look like a PDD report, imported as " + platform;
            };
        }
        if (encoding > 0 && encoding * 2 >= sampled) {
            return "wrong encoding? the rows are not UTF-8 or GB18030 text (binary data, or another encoding)";
        }
        return "not " + kind.what() + "?";
    }

    private Marker ownMarker() {
        if (kind.platform() == null) {
            return null;
        }
        return switch (kind.platform()) {
            case "TAOBAO" -> kind.name().startsWith("REFUNDS:") ? Marker.TAOBAO_REFUNDS : Marker.TAOBAO_ORDERS;
            case "JD" -> Marker.JD;
            case "PDD" -> Marker.PDD;
            default -> null;
        };
    }

    /**
     * The first report kind other than the importer's own whose marks the text carries. A reason names the envelope
     * the importer expected as well as the one it found, so the own kind must be skipped, not just matched last.
     */
    private static Marker marker(String text, Marker own) {
        for (Marker m : Marker.values()) {
            if (m != own && carries(text, m)) {
                return m;
            }
        }
        return null;
    }

    private static boolean carries(String text, Marker m) {
        return switch (m) {
            case TAOBAO_REFUNDS -> text.contains("tbk_relation_refund") || text.contains("tbk_sc_relation_refund")
                    || text.contains("a refund row in an order file");
            case TAOBAO_ORDERS -> text.contains("tbk_order_details") || text.contains("tbk_sc_order_details")
                    || text.contains("an order row in a refund file");
            case JD -> text.contains("jd_union_open");
            case PDD -> text.contains("order_list_get_response") || text.contains("pdd.ddk");
        };
    }

    /** Replacement characters or control characters other than tab/CR/LF: bytes that were never text. */
    static boolean binary(String s) {
        int odd = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
                odd++;
            }
        }
        return odd > 0 && odd * 20 >= Math.min(s.length(), HEAD);
    }

    private static String cut(String s, int max) {
        String one = s.replaceAll("[\\r\\n]+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }
}
