package io.rebatch.readers.pdd;

import io.rebatch.readers.report.Paging;

/**
 * {@code pdd.ddk.order.list.increment.get}/{@code …range.get}: {@code total_count} (null when the request set
 * {@code return_count=false}) and the range API's {@code last_order_id} cursor (null when absent).
 */
public record PddPaging(Long totalCount, String lastOrderId) implements Paging {
}
