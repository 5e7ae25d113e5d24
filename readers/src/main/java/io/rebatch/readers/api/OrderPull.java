package io.rebatch.readers.api;

import io.rebatch.domain.Platform;
import java.time.Instant;
import java.util.List;

/**
 * Pulls one platform feed (orders by update time, or Taobao's refund feed) window by window. The pull job asks
 * for {@link #windows} covering what it wants, then calls {@link #pull} for each, committing after each window;
 * everything else (signing, paging, retries, throttling, the request-rate cap) happens inside.
 *
 * <p>Implementations: {@code taobao.TaobaoOrderPull}, {@code taobao.TaobaoRefundPull}, {@code jd.JdOrderPull},
 * {@code pdd.PddOrderPull}. Instances are safe to share; a window's pages are fetched one after another.
 */
public interface OrderPull {

    Platform platform();

    /** The API method pulled, e.g. {@code taobao.tbk.order.details.get}; also the name of the dump it feeds. */
    String api();

    /**
     * {@code [from, to)} cut into consecutive windows no longer than the platform accepts (and the configured maximum),
     * in time order; empty when {@code from} is not before {@code to}.
     */
    List<TimeWindow> windows(Instant from, Instant to);

    /**
     * Fetches every page of the window and hands each good page to the sink in fetch order.
     *
     * @throws PullException when the window cannot be completed (credentials, throttling or errors outlasting the
     *                       retries, an answer the client does not understand); pages already given to the sink stay
     *                       valid, but the window is not complete and must be pulled again
     */
    WindowResult pull(TimeWindow window, PageSink sink);
}
