package io.rebatch.sandbox.server;

import io.rebatch.domain.Platform;

import java.time.Instant;

/**
 * One row the server put into a successful page.
 *
 * @param api        the API method ({@code taobao.tbk.order.details.get}, …)
 * @param key        {@link io.rebatch.sandbox.generator.Snapshot#key()}
 * @param updatedAt  the row's update time as served (a simulated PDD update has a new one)
 * @param simulated  true for a row the server made up while the client was paging (PDD)
 * @param requestNo  the platform's request counter value of the request that served it
 */
public record ServedSnapshot(Platform platform, String api, String key, String lineId, int seq, Instant updatedAt,
                             int statusCode, boolean simulated, long requestNo, long pageNo) {
}
