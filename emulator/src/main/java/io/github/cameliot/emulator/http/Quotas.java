package io.github.cameliot.emulator.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The documented per-action quotas of one API, counted in windows of one second, as the clouds count them per
 * account and action.
 */
public final class Quotas {

    private final ActionBook book;
    private final LongSupplier millis;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile boolean enforced = true;

    public Quotas(ActionBook book, LongSupplier millis) {
        this.book = book;
        this.millis = millis;
    }

    /** Whether calls beyond an action's quota are refused (the default). */
    public void enforce(boolean enforced) {
        this.enforced = enforced;
    }

    /** Counts a call; false when it is one more than the action's quota allows in the current second. */
    public boolean admit(String principal, String action) {
        int quota = book.has(action) ? book.quota(action) : 0;
        if (!enforced || quota <= 0) {
            return true;
        }
        long second = millis.getAsLong() / 1000;
        Window window = windows.compute(principal + '/' + action,
                (key, current) -> current == null || current.second != second
                        ? new Window(second, 1) : new Window(second, current.calls + 1));
        return window.calls <= quota;
    }

    private record Window(long second, int calls) {
    }
}
