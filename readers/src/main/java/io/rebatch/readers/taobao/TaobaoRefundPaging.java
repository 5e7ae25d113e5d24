package io.rebatch.readers.taobao;

import io.rebatch.readers.report.Paging;

/** {@code taobao.tbk.relation.refund}: {@code total_count}, {@code page_no}, {@code page_size} (given as strings; 0 when absent). */
public record TaobaoRefundPaging(long totalCount, long pageNo, long pageSize) implements Paging {
}
