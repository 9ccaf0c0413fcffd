package dev.parley.server.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while open, under the shipped logging configuration ({@code logback.xml}) with the root
 * level lowered to TRACE, as an operator chasing a problem might set it. Closing restores the test configuration.
 */
public final class CapturedLogs implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private CapturedLogs() {
        configure("/logback.xml");
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender("CONSOLE");
        root.setLevel(Level.TRACE);
        events.setContext(context);
        events.start();
        root.addAppender(events);
    }

    public static CapturedLogs atTrace() {
        return new CapturedLogs();
    }

    /** Each event as text: its message, any exception with its causes, and its MDC. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(events.list)) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(": ")
                    .append(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.append(event.getMDCPropertyMap()).toString());
        }
        return lines;
    }

    @Override
    public void close() {
        configure("/logback-test.xml");
    }

    private void configure(String resource) {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(CapturedLogs.class.getResource(resource));
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + resource, e);
        }
    }
}
