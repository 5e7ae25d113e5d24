package io.rebatch.readers.taobao;

import io.rebatch.readers.report.Paging;

/**
 * {@code taobao.tbk.order.details.get}: {@code has_next}, the opaque {@code position_index} to send back
 * unchanged, and {@code page_no}/{@code page_size} (0 when the page omits them).
 */
public record TaobaoOrderPaging(boolean hasNext, String positionIndex, long pageNo, long pageSize) implements Paging {
}
