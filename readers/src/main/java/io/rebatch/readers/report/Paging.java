package io.rebatch.readers.report;

/**
 * The paging facts of one API response page, per platform, as the API clients need them to ask for the next page.
 * Each platform's page parser returns its own kind (a platform added later defines its own); they are never mixed.
 */
public interface Paging {

    /**
     * {@code taobao.tbk.order.details.get}: {@code has_next}, the opaque {@code position_index} to send back
     * unchanged, and {@code page_no}/{@code page_size} (0 when the page omits them).
     */
    public record TaobaoOrders(boolean hasNext, String positionIndex, long pageNo, long pageSize) implements Paging {
    }

    /** {@code taobao.tbk.relation.refund}: {@code total_count}, {@code page_no}, {@code page_size} (given as strings; 0 when absent). */
    public record TaobaoRefunds(long totalCount, long pageNo, long pageSize) implements Paging {
    }

    /** {@code jd.union.open.order.row.query}: {@code hasMore} from the inner {@code queryResult}. */
    public record JdOrders(boolean hasMore) implements Paging {
    }

    /**
     * {@code pdd.ddk.order.list.increment.get}/{@code …range.get}: {@code total_count} (null when the request set
     * {@code return_count=false}) and the range API's {@code last_order_id} cursor (null when absent).
     */
    public record PddOrders(Long totalCount, String lastOrderId) implements Paging {
    }
}
