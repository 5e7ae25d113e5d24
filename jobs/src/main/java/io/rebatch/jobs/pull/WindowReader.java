package io.rebatch.jobs.pull;

import io.rebatch.readers.api.TimeWindow;
import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The windows of one pull, in time order. Restartable: the count of windows already committed is kept in the
 * step's execution context, so a rerun resumes after the last completed window.
 */
public class WindowReader extends AbstractItemCountingItemStreamItemReader<TimeWindow> {
    private final List<TimeWindow> windows;

    public WindowReader(List<TimeWindow> windows) {
        this.windows = windows;
        setName("windowReader");
    }

    @Override
    protected TimeWindow doRead() {
        int i = getCurrentItemCount() - 1;
        return i < windows.size() ? windows.get(i) : null;
    }

    @Override
    protected void doOpen() {
    }

    @Override
    protected void doClose() {
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        // windows are addressed by index; nothing to skip
    }
}
