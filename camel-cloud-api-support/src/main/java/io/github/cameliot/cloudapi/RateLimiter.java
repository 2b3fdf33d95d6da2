package io.github.cameliot.cloudapi;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A non-blocking limiter that lets at most {@code permitsPerSecond} calls start in any one-second window:
 * {@link #reserve()} books the earliest slot that keeps the window under the quota and says how long the caller has
 * to wait for it. The asynchronous client schedules the call for then instead of blocking a thread, so a busy route
 * slows down to the quota instead of failing with throttling errors.
 * <p>
 * It remembers the last {@code permitsPerSecond} slots it handed out: a new slot is at least one second after the
 * one that many calls ago. So a quiet limiter lets a full second's quota through at once, and no sliding window of
 * one second, aligned with the cloud's counting or not, ever sees more than the quota.
 */
public final class RateLimiter {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long[] slots;
    private final NanoClock clock;
    private int oldest;

    public RateLimiter(int permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime);
    }

    public RateLimiter(int permitsPerSecond, NanoClock clock) {
        if (permitsPerSecond <= 0) {
            throw new IllegalArgumentException("permitsPerSecond must be positive: " + permitsPerSecond);
        }
        this.clock = clock;
        this.slots = new long[permitsPerSecond];
        Arrays.fill(slots, clock.nanoTime() - WINDOW_NANOS);
    }

    /** Books a slot; returns how many nanoseconds the caller must wait before using it (0 for now). */
    public long reserve() {
        long now = clock.nanoTime();
        long slot;
        synchronized (this) {
            slot = Math.max(now, slots[oldest] + WINDOW_NANOS);
            slots[oldest] = slot;
            oldest = (oldest + 1) % slots.length;
        }
        return slot - now;
    }

    /** A source of {@link System#nanoTime()}-like readings, replaceable in tests. */
    @FunctionalInterface
    public interface NanoClock {
        long nanoTime();
    }
}
