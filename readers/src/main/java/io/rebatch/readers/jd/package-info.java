/** JD Union client: {@code jd.union.open.order.row.query}. */
package io.rebatch.readers.jd;
