package io.github.cameliot.cloudapi.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/** A consumer exception handler (endpoint option {@code exceptionHandler=#name}) that records what it is given. */
public final class RecordingExceptionHandler implements ExceptionHandler {

    public record Handled(String message, Throwable exception, Exchange exchange) {
    }

    private final List<Handled> handled = new CopyOnWriteArrayList<>();

    @Override
    public void handleException(Throwable exception) {
        handled.add(new Handled(null, exception, null));
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handled.add(new Handled(message, exception, null));
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handled.add(new Handled(message, exception, exchange));
    }

    public List<Handled> handled() {
        return List.copyOf(handled);
    }
}
