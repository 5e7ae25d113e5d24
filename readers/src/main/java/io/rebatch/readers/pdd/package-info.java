/** Pinduoduo client: {@code pdd.ddk.order.list.increment.get}, paged backwards. */
package io.rebatch.readers.pdd;
