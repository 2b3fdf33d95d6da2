package io.github.cameliot.cloudapi.test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records what is logged (through SLF4J or Log4j 2) while a test runs, at every level down to TRACE.
 * <p>
 * As a JUnit 5 extension, it records during each test:
 * <pre>{@code
 * @RegisterExtension
 * final LogCapture logs = new LogCapture();
 * ...
 * assertThat(logs.lines()).noneMatch(line -> line.contains(secretKey));
 * }</pre>
 * or, for one block, {@code try (LogCapture logs = LogCapture.start()) { ... }}.
 * <p>
 * While it records, an in-memory appender is attached to the root logger (and to any logger that does not pass its
 * events on to the root), and every configured logger is lowered to TRACE; {@link #close()} restores the levels. The
 * console of {@code log4j2-test.xml} keeps its own threshold, so the lowered levels do not flood it.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Map<LoggerConfig, Level> savedLevels = new IdentityHashMap<>();
    private final List<LoggerConfig> attachedTo = new ArrayList<>();
    private LoggerContext context;
    private AbstractAppender appender;

    /** A capture that records from now until {@link #close()}. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.open();
        return capture;
    }

    /**
     * Every event recorded so far, in order: the formatted message, followed on the next lines by the exception's
     * stack trace (which begins with its {@code toString()}) when the event carries one.
     */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Forgets the events recorded so far. */
    public void clear() {
        synchronized (lines) {
            lines.clear();
        }
    }

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        close();
    }

    /** Starts recording; does nothing when already recording. */
    public synchronized void open() {
        if (appender != null) {
            return;
        }
        clear();
        context = LoggerContext.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = new AbstractAppender("LogCapture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                record(event);
            }
        };
        appender.start();
        LoggerConfig root = configuration.getRootLogger();
        lower(root);
        root.addAppender(appender, null, null);
        attachedTo.add(root);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            if (logger == root) {
                continue;
            }
            lower(logger);
            if (!logger.isAdditive()) {
                logger.addAppender(appender, null, null);
                attachedTo.add(logger);
            }
        }
        context.updateLoggers();
    }

    /** Stops recording and restores the loggers' levels; the lines recorded stay available. */
    @Override
    public synchronized void close() {
        if (appender == null) {
            return;
        }
        for (LoggerConfig logger : attachedTo) {
            logger.removeAppender(appender.getName());
        }
        savedLevels.forEach(LoggerConfig::setLevel);
        savedLevels.clear();
        attachedTo.clear();
        context.updateLoggers();
        appender.stop();
        appender = null;
        context = null;
    }

    /** Lowers a logger that has a level of its own (the others inherit the root's). */
    private void lower(LoggerConfig logger) {
        Level explicit = logger.getExplicitLevel();
        if (explicit != null) {
            savedLevels.put(logger, explicit);
            logger.setLevel(Level.TRACE);
        }
    }

    private void record(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace);
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }
}
