package io.rebatch.readers.pdd;

import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.api.ApiCaller;
import io.rebatch.readers.api.ApiOrderPull;
import io.rebatch.readers.api.OrderPull;
import io.rebatch.readers.api.PageSink;
import io.rebatch.readers.api.PullRuntime;
import io.rebatch.readers.api.Signing;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.readers.api.WindowResult;
import io.rebatch.readers.report.Paging;
import io.rebatch.readers.pdd.PddOrderPages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pdd.ddk.order.list.increment.get} by update time, platforms.md §3.1 and §4.3: windows of at most
 * {@link PddSettings#window()} (24 h) given as epoch seconds, paged <b>from the last page to the first</b>.
 *
 * <p>Why backwards: a window's orders are listed by update time and cut into pages by offset afresh on every
 * request. An order that changes while we page leaves its place (it is listed at its newest update), so every row
 * after that place moves one up: when that place is on a page already read and we page forwards, the first row of
 * the next page slides onto the page we have read, and we never see it. Paging backwards, the rows that slide land
 * on pages still to be read.
 *
 * <p>How: page 1 first, to learn {@code total_count} (with {@code return_count=true}); if it holds everything we
 * are done. Otherwise pages {@code ceil(total / page_size)} down to 1 — page 1 <em>again</em>: rows slide into page 1
 * during the pass while {@code total_count} stays the same, so the first answer cannot be reused. Every page goes to
 * the sink, the first page 1 included (its rows are valid snapshots; an order that then changes may be seen only
 * there at that state). If any page reports a larger {@code total_count} than the pass started with, rows may have
 * been appended behind us: the pass is repeated (at most {@value #MAX_PASSES} passes). PDD serves pages up to
 * {@value #MAX_PAGE}; a window with more is pulled as two halves.
 */
public final class PddOrderPull extends ApiOrderPull {
    public static final String METHOD = "pdd.ddk.order.list.increment.get";
    static final int MAX_PAGE = 10_000;
    static final int MAX_PASSES = 3;
    private static final Logger log = LoggerFactory.getLogger(PddOrderPull.class);

    /** Paging direction. FORWARD misses rows when orders change during paging: tests use it to show that. */
    enum Direction { BACKWARD, FORWARD }

    private final PddSettings settings;
    private final Clock clock;
    private final Direction direction;

    public PddOrderPull(PddSettings settings, PullRuntime runtime) {
        this(settings, runtime, Direction.BACKWARD, () -> PlausibleTimes.ANY);
    }

    /** A row of a page outside {@code times.get()} is Rejected (see {@link ApiOrderPull}). */
    public PddOrderPull(PddSettings settings, PullRuntime runtime, Supplier<PlausibleTimes> times) {
        this(settings, runtime, Direction.BACKWARD, times);
    }

    /** Tests only: FORWARD paging, the way that loses rows. */
    PddOrderPull(PddSettings settings, PullRuntime runtime, Direction direction) {
        this(settings, runtime, direction, () -> PlausibleTimes.ANY);
    }

    private PddOrderPull(PddSettings settings, PullRuntime runtime, Direction direction, Supplier<PlausibleTimes> times) {
        super(new ApiCaller(Platform.PDD, METHOD, settings.endpoint(), settings.retry(),
                settings.rateCap(), runtime, PddErrors::classify), times);
        this.settings = settings;
        this.clock = runtime.clock();
        this.direction = direction;
    }

    @Override
    public List<TimeWindow> windows(Instant from, Instant to) {
        return TimeWindow.split(from, to, settings.window());
    }

    @Override
    public WindowResult pull(TimeWindow window, PageSink sink) {
        requireSet(window, !settings.clientId().isEmpty(), "client id", "client-id");
        requireSet(window, !settings.clientSecret().isEmpty(), "client secret", "client-secret");
        long t0 = System.nanoTime();
        WindowResult r = direction == Direction.BACKWARD ? backward(window, sink) : forward(window, sink);
        log.info("api window done platform=PDD api={} window=\"{}\" direction={} pages={} requests={} rows={} throttled={} millis={}",
                METHOD, window, direction, r.pages(), r.requests(), r.rows(), r.throttled(), (System.nanoTime() - t0) / 1_000_000);
        return r;
    }

    private WindowResult backward(TimeWindow window, PageSink sink) {
        Page first = fetch(window, 1, sink);
        WindowResult result = first.result;
        long expected = first.total;
        int size = settings.pageSize();
        if (expected <= size) {
            return result;
        }
        for (int pass = 1; ; pass++) {
            long last = (expected + size - 1) / size;
            if (last > MAX_PAGE) {
                TimeWindow[] halves = window.halves();
                if (halves == null) {
                    throw caller.protocolError(window, last, "more than " + MAX_PAGE + " pages in one second");
                }
                log.warn("api window split platform=PDD api={} window=\"{}\" reason=\"more than {} pages\" advice=\"lower rebatch.platforms.pdd.window\"",
                        METHOD, window, MAX_PAGE);
                return result.plus(backward(halves[0], sink)).plus(backward(halves[1], sink));
            }
            long seen = expected;
            for (long page = last; page >= 1; page--) {
                Page p = fetch(window, page, sink);
                result = result.plus(p.result);
                seen = Math.max(seen, p.total);
            }
            if (seen <= expected) {
                return result;
            }
            if (pass >= MAX_PASSES) {
                throw caller.protocolError(window, 0, "total_count kept growing while paging (" + expected + " → " + seen
                        + " in pass " + pass + "); the window's end may be too close to now: pull it again later");
            }
            log.warn("api window repass platform=PDD api={} window=\"{}\" pass={} totalBefore={} totalSeen={}",
                    METHOD, window, pass, expected, seen);
            expected = seen;
        }
    }

    private WindowResult forward(TimeWindow window, PageSink sink) {
        WindowResult result = new WindowResult(window, 0, 0, 0, 0);
        for (long page = 1; page <= MAX_PAGE; page++) {
            Page p = fetch(window, page, sink);
            result = result.plus(p.result);
            if (p.result.rows() == 0 || page * settings.pageSize() >= p.total) {
                return result;
            }
        }
        throw caller.protocolError(window, MAX_PAGE, "more than " + MAX_PAGE + " pages");
    }

    private record Page(WindowResult result, long total) {
    }

    private Page fetch(TimeWindow window, long page, PageSink sink) {
        ApiCaller.Fetched<PddPaging> f = caller.fetch(window, page, () -> signed(window, page), (body, source, lineNo) -> PddOrderPages.parse(body, source, lineNo, times.get()));
        Long total = f.page().paging().totalCount();
        if (total == null) {
            throw caller.protocolError(window, page, "the page has no total_count although return_count=true was sent");
        }
        sink.accept(f.body(), f.page());
        return new Page(new WindowResult(window, 1, f.attempts(), f.page().rows().size(), f.throttled()), total);
    }

    /** type, client_id, timestamp (epoch s), data_type=JSON, version=V1, the window, page, page_size, return_count, sign. */
    private Map<String, String> signed(TimeWindow w, long page) {
        Map<String, String> p = new TreeMap<>();
        p.put("type", METHOD);
        p.put("client_id", settings.clientId());
        p.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
        p.put("data_type", "JSON");
        p.put("version", "V1");
        p.put("start_update_time", Long.toString(w.start().getEpochSecond()));
        p.put("end_update_time", Long.toString(w.end().getEpochSecond()));
        p.put("page", Long.toString(page));
        p.put("page_size", Integer.toString(settings.pageSize()));
        p.put("return_count", "true");
        p.put("sign", Signing.md5Wrapped(p, settings.clientSecret()));
        return p;
    }

    @Override
    public String toString() {
        return "PddOrderPull[" + settings + ", " + direction + "]";
    }
}
