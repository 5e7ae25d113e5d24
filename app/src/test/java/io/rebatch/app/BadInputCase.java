package io.rebatch.app;

import java.util.ArrayList;
import java.util.List;

/**
 * One file of the bad-input corpus: the command that reads it, its bytes, and what SPEC §9 requires of it — exit 0
 * with exactly {@code quarantine} (line, reason fragment) and {@code stored} new rows in {@code table}, or exit 2 with
 * one {@code rebatch: } line containing {@code err} and nothing stored. {@code checks} are SQL counts that must be 1.
 */
record BadInputCase(String name, String command, String file, byte[] bytes, int exit, String err, List<Q> quarantine,
                    String table, long stored, List<String> checks, String bug) {

    /** A quarantine row expected for the file: its line number and a fragment of its reason. */
    record Q(long line, String reason) {
        @Override
        public String toString() {
            return line + ": …" + reason + "…";
        }
    }

    static Q q(long line, String reason) {
        return new Q(line, reason);
    }

    static final String TAOBAO = "import --platform taobao";
    static final String REFUNDS = "import --platform taobao --refunds";
    static final String JD = "import --platform jd";
    static final String PDD = "import --platform pdd";
    static final String USERS = "load users";
    static final String BINDINGS = "load bindings";
    static final String CLICKS = "load clicks";

    /** Imported: {@code stored} rows more in {@code table}, the quarantine rows exactly {@code q}. */
    static BadInputCase imported(String name, String command, String file, byte[] bytes, String table, long stored,
                                 Q... q) {
        return new BadInputCase(name, command, file, bytes, 0, null, List.of(q), table, stored, List.of(), null);
    }

    /** Refused whole: exit 2, one line containing {@code err}, nothing stored (quarantine not asserted). */
    static BadInputCase refused(String name, String command, String file, byte[] bytes, String err) {
        return new BadInputCase(name, command, file, bytes, 2, err, null, null, 0, List.of(), null);
    }

    /** Also: {@code SELECT COUNT(*) …} must return 1 afterwards. */
    BadInputCase check(String countSql) {
        List<String> c = new ArrayList<>(checks);
        c.add(countSql);
        return new BadInputCase(name, command, file, bytes, exit, err, quarantine, table, stored, List.copyOf(c), bug);
    }

    /** Refused, and the bad rows' reasons are kept in quarantine exactly as {@code q}. */
    BadInputCase keeping(Q... q) {
        return new BadInputCase(name, command, file, bytes, exit, err, List.of(q), table, stored, checks, bug);
    }

    /**
     * A known bug: the case still asserts what SPEC §9 requires, but a failure of the message check is reported as
     * aborted (skipped) with {@code why} instead of failing the build; once fixed, it passes.
     */
    BadInputCase bug(String why) {
        return new BadInputCase(name, command, file, bytes, exit, err, quarantine, table, stored, checks, why);
    }

    @Override
    public String toString() {
        return name + " (" + command + " " + file + " → exit " + exit + ")";
    }
}
