package io.rebatch.readers.jd;

import io.rebatch.readers.report.Paging;

/** {@code jd.union.open.order.row.query}: {@code hasMore} from the inner {@code queryResult}. */
public record JdPaging(boolean hasMore) implements Paging {
}
