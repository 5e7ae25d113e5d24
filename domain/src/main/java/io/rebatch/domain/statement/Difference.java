package io.rebatch.domain.statement;

/**
 * Why a line appears in the lines report of a statement reconciliation (SPEC 6). The first three are exact and
 * come only from a statement with detail rows; the two candidates are rebatch's guesses for a platform whose
 * statement gives totals only and does not match; the last flags a statement that contradicts itself.
 */
public enum Difference {
    /** SETTLED in month M in rebatch, absent from the statement's detail rows. */
    NOT_IN_STATEMENT,
    /** In the statement's detail rows, but not SETTLED in M in rebatch (unknown, another month, not settled yet). */
    NOT_IN_REBATCH,
    /** On both sides, with a different settled income. */
    AMOUNT_DIFFERS,
    /**
     * Totals only: a SETTLED line of M whose settled_at falls on the first or last Shanghai day of M, which a
     * platform cutting its months in another time zone (or by another clock) may count in the neighbouring month.
     */
    CANDIDATE_BOUNDARY,
    /** Totals only: a SETTLED line of M that has a refund snapshot, which a platform may already have deducted. */
    CANDIDATE_REFUND,
    /** The statement gives a platform total and detail rows that do not add up to it (income or line count). */
    DETAILS_DIFFER_FROM_TOTAL
}
