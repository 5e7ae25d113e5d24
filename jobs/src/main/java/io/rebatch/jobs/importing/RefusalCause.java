package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.PlatformAdapter;
import io.rebatch.readers.platform.ReportSignature;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses why a refused file is bad from its quarantined rows (SPEC 9: "one line naming the likely cause: wrong
 * platform, encoding or file kind"). Looks at the reason and the first characters of the raw text of the first
 * {@value #SAMPLE} bad rows, never logs or returns raw text.
 *
 * <ul>
 *   <li><b>wrong platform</b>: most rows carry another feed's marks (each platform adapter's
 *   {@link ReportSignature}s: response envelopes such as {@code tbk_…}, {@code jd_union_open_…},
 *   {@code order_list_get_response}); a feed of the same platform (Taobao's refunds imported as orders or the
 *   reverse) is named as such;</li>
 *   <li><b>wrong encoding</b>: most rows are not valid UTF-8/GB18030 text, or hold replacement or control
 *   characters (binary data);</li>
 *   <li>otherwise <b>not a file of this kind</b>.</li>
 * </ul>
 */
final class RefusalCause {
    static final int SAMPLE = 200;
    private static final int HEAD = 400;

    private final ImportKind<?, ?> kind;
    private final Map<ReportSignature, Integer> markers = new HashMap<>();
    private int encoding;
    private int sampled;
    private String firstReason;
    private long firstLine;

    RefusalCause(ImportKind<?, ?> kind) {
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
        ReportSignature m = marker(head + " " + reason, kind.name());
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
        ReportSignature top = null;
        int topCount = 0;
        for (PlatformAdapter a : Adapters.all()) {
            for (ReportSignature s : a.signatures()) {
                int count = markers.getOrDefault(s, 0);
                if (count > topCount) {
                    top = s;
                    topCount = count;
                }
            }
        }
        if (top != null && topCount * 2 >= sampled) {
            return top.hint(kind.platform());
        }
        if (encoding > 0 && encoding * 2 >= sampled) {
            return "wrong encoding? the rows are not UTF-8 or GB18030 text (binary data, or another encoding)";
        }
        return "not " + kind.what() + "?";
    }

    /**
     * The first feed other than the importer's own whose marks the text carries (platforms in their order). A
     * reason names the envelope the importer expected as well as the one it found, so the own feed must be
     * skipped, not just matched last.
     */
    private static ReportSignature marker(String text, String ownKind) {
        for (PlatformAdapter a : Adapters.all()) {
            for (ReportSignature s : a.signatures()) {
                if (!s.feed().importKind().equals(ownKind) && s.carriedBy(text)) {
                    return s;
                }
            }
        }
        return null;
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
