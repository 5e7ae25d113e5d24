package io.rebatch.readers.report;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Refund;

/**
 * One row read from a platform report (API page, API dump line, back-office export or refund feed):
 * a canonical snapshot, a refund snapshot, a not-yet-paid row (counted, never stored), or a rejected
 * row with its reason (quarantined). Every row knows where it came from.
 *
 * @see ReportFiles#open
 */
public sealed interface ReportRow {
    /** The file or API page the row came from, e.g. {@code taobao-2026-10-20.jsonl}. */
    String source();

    /** 1-based line number in the file (for JSON Lines dumps: the page's line). */
    long lineNo();

    record Snapshot(String source, long lineNo, OrderLine line) implements ReportRow {
    }

    record RefundSnapshot(String source, long lineNo, Refund refund) implements ReportRow {
    }

    /** A row whose status is "not yet paid" (Taobao 11, JD 15, PDD -1): counted as skipped_unpaid only. */
    record SkippedUnpaid(String source, long lineNo, String orderLineId) implements ReportRow {
    }

    /** A row that breaks the contract; {@code raw} is its exact text (one order object, CSV record or whole line). */
    record Rejected(String source, long lineNo, String raw, String reason) implements ReportRow {
    }
}
