package io.rebatch.api.me;

import io.rebatch.api.problem.ApiException;
import java.util.Set;

/** Checks of query parameters, each failing with 400 {@code INVALID_REQUEST} and a line saying what is allowed. */
public final class Params {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    static final Set<String> REBATE_STATUSES = Set.of("PENDING", "AVAILABLE", "INVALID");

    private Params() {
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("INVALID_REQUEST", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    static String rebateStatus(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        if (!REBATE_STATUSES.contains(status)) {
            throw ApiException.badRequest("INVALID_REQUEST", "status must be one of PENDING, AVAILABLE, INVALID");
        }
        return status;
    }
}
