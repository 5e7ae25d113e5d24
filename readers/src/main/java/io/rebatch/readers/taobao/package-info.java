/**
 * Everything Taobao (淘宝联盟) means to the readers, registered as {@link io.rebatch.readers.taobao.TaobaoAdapter}:
 * the order feed ({@code taobao.tbk.order.details.get} pages, API dumps, the back-office CSV export) and the refund
 * feed ({@code taobao.tbk.relation.refund} pages and CSV), the TOP client (signing, error policy, paging by
 * {@code position_index}) and its settings record. Status codes map through {@code io.rebatch.domain.taobao}.
 */
package io.rebatch.readers.taobao;
