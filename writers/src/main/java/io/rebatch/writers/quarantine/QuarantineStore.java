package io.rebatch.writers.quarantine;

import io.rebatch.writers.jdbc.SqlTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rejected rows (SPEC 9) with their file/page, line number, raw text and reason. Keyed by
 * (import, row number) so that re-reading a file after a restart records each bad row once.
 */
public class QuarantineStore {
    public record Entry(String importKey, long rowNo, String kind, String platform, String source, long lineNo,
                        String rawText, String reason) {
    }

    private static final int REASON_MAX = 500;
    private static final int RAW_MAX = 1_000_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public QuarantineStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        var now = SqlTime.utc(clock.instant());
        List<Object[]> args = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            args.add(new Object[] {e.importKey(), e.rowNo(), e.kind(), e.platform(), cut(e.source(), 255), e.lineNo(),
                    cut(e.rawText() == null ? "" : e.rawText(), RAW_MAX), cut(e.reason(), REASON_MAX), now});
        }
        jdbc.batchUpdate("INSERT INTO quarantine (import_key, row_no, kind, platform, source, line_no, raw_text, reason,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE reason = VALUES(reason)", args);
    }

    /**
     * Forgets the rows quarantined for an import key, before its file is judged again: the verdicts that depend on
     * the clock (plausible dates) or on stored data (inviter cycles) may differ from the last attempt's.
     */
    public void deleteAll(String importKey) {
        jdbc.update("DELETE FROM quarantine WHERE import_key = ?", importKey);
    }

    /** The row numbers in {@code [fromRowNo, toRowNo]} quarantined for an import key. */
    public java.util.Set<Long> rowNos(String importKey, long fromRowNo, long toRowNo) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT row_no FROM quarantine WHERE import_key = ?"
                + " AND row_no BETWEEN ? AND ?", Long.class, importKey, fromRowNo, toRowNo));
    }

    /** The first {@code limit} entries of an import key by line: line number, (masked) raw text and reason. */
    public List<Entry> list(String importKey, int limit) {
        return jdbc.query("SELECT import_key, row_no, kind, platform, source, line_no, raw_text, reason FROM quarantine"
                + " WHERE import_key = ? ORDER BY line_no, row_no LIMIT ?", (rs, n) -> new Entry(rs.getString(1),
                        rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getString(7), rs.getString(8)), importKey, limit);
    }

    public long count(String importKey) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM quarantine WHERE import_key = ?", Long.class, importKey);
        return n == null ? 0 : n;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
