/**
 * Everything Pinduoduo (多多进宝) means to the readers, registered as {@link io.rebatch.readers.pdd.PddAdapter}: the
 * order feed ({@code pdd.ddk.order.list.increment.get} pages, paged backwards, and API dumps), its client, error
 * policy and settings record. Status codes map through {@code io.rebatch.domain.pdd}.
 */
package io.rebatch.readers.pdd;
