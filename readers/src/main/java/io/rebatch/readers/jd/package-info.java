/**
 * Everything JD (京东联盟) means to the readers, registered as {@link io.rebatch.readers.jd.JdAdapter}: the order feed
 * ({@code jd.union.open.order.row.query} pages and API dumps), its client, error policy and settings record. Status
 * codes map through {@code io.rebatch.domain.jd}.
 */
package io.rebatch.readers.jd;
