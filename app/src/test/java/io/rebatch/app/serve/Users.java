package io.rebatch.app.serve;

import java.util.List;

/**
 * Which user each REST test works on, so that the tests can share one served database ({@link ApiServers}) in any
 * order: the sample's users (balances from its expected/balances.csv) each belong to one test that moves money,
 * synthetic users (ids from 9,100,000 on) exist only through rows the tests seed. Seeded rebate records carry order
 * line ids starting {@value Records#PREFIX}, which the sample's cross-checks leave out.
 */
final class Users {
    private Users() {
    }

    /** The authorization matrix's two users (available 60.64 and 49.77 yuan). */
    static final long MATRIX_A = 102208;
    static final long MATRIX_B = 123406;
    /** The no-leak property's sample users: each makes one small withdrawal with a payee of its own. */
    static final List<Long> LEAK_POOL = List.of(166172L, 198418L, 367459L, 432849L, 571325L, 595185L, 619501L,
            719869L, 856589L, 904423L, 927036L, 941235L, 976363L);
    /** The no-leak property's synthetic users (rebate records and teams only). */
    static final long LEAK_SYNTHETIC_FIRST = 9_200_001;
    static final int LEAK_SYNTHETIC_COUNT = 8;
    /** Replays and refusals (available 82.08 yuan). */
    static final long WITHDRAWER = 126681;
    /** The daily cap (available 244.43 yuan, cap 200.00). */
    static final long CAPPED = 339874;
    /** Concurrent requests: the balance binds (115.40 yuan) / the cap binds (269.65 yuan). */
    static final long CONCURRENT_DRAINED = 240891;
    static final long CONCURRENT_CAPPED = 829633;
    /** The log capture's withdrawal (available 84.00 yuan). */
    static final long LOGGED = 508744;
    /** The contract IT's withdrawal (available 55.96 yuan) and refusals (available 0.68 yuan). */
    static final long CONTRACT = 667712;
    static final long CONTRACT_POOR = 899308;
    /** The contract IT's team: a synthetic inviter of synthetic invitees. */
    static final long TEAM_INVITER = 9_300_001;
    /** A synthetic user whose available balance is negative (a clawback the test posts). */
    static final long NEGATIVE = 9_500_001;
    /** Pagination: synthetic users from here on. */
    static final long PAGES_FIRST = 9_100_001;
}
