package io.rebatch.readers.report;

/**
 * The paging facts of one API response page as the platform's API client needs them to ask for the next page. Each
 * platform's package defines its own kind ({@code TaobaoOrderPaging}, {@code JdPaging}, …); they are never mixed.
 */
public interface Paging {
}
