/** Taobao Open Platform (TOP) clients: {@code taobao.tbk.order.details.get} and {@code taobao.tbk.relation.refund}. */
package io.rebatch.readers.taobao;
