package io.rebatch.readers.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event (DEBUG and up) of {@code io.rebatch} and okhttp while open. */
public final class LogCapture implements AutoCloseable {
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Boolean> additive = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        for (String name : new String[]{"io.rebatch", "okhttp3"}) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            loggers.add(l);
            levels.add(l.getLevel());
            additive.add(l.isAdditive());
            l.setLevel(Level.DEBUG);
            l.setAdditive(false);
            l.addAppender(appender);
        }
    }

    /** Each event's formatted message, its arguments and any throwable's messages, one string per event. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            StringBuilder sb = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage());
            if (e.getArgumentArray() != null) {
                for (Object a : e.getArgumentArray()) {
                    sb.append(" | ").append(a);
                }
            }
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(levels.get(i));
            loggers.get(i).setAdditive(additive.get(i));
        }
        appender.stop();
    }
}
