package io.github.cameliot.cloudapi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-blocking limiter that spaces calls evenly at a rate: {@link #reserve()} books the next free slot and says how
 * long the caller has to wait for it. The asynchronous client schedules the call for then instead of blocking a
 * thread, so a busy route slows down to the quota instead of failing with throttling errors.
 * <p>
 * A burst of up to one second's worth of calls is let through at once after a quiet period, as the clouds' own
 * per-second quotas allow.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final long burstNanos;
    private final AtomicLong nextFree;
    private final NanoClock clock;

    public RateLimiter(int permitsPerSecond) {
        this(permitsPerSecond, System::nanoTime);
    }

    public RateLimiter(int permitsPerSecond, NanoClock clock) {
        if (permitsPerSecond <= 0) {
            throw new IllegalArgumentException("permitsPerSecond must be positive: " + permitsPerSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / permitsPerSecond;
        this.burstNanos = intervalNanos * (permitsPerSecond - 1);
        this.clock = clock;
        this.nextFree = new AtomicLong(clock.nanoTime() - burstNanos);
    }

    /** Books a slot; returns how many nanoseconds the caller must wait before using it (0 for now). */
    public long reserve() {
        long now = clock.nanoTime();
        while (true) {
            long free = nextFree.get();
            long slot = Math.max(free, now - burstNanos);
            if (nextFree.compareAndSet(free, slot + intervalNanos)) {
                return Math.max(0, slot - now);
            }
        }
    }

    /** A source of {@link System#nanoTime()}-like readings, replaceable in tests. */
    @FunctionalInterface
    public interface NanoClock {
        long nanoTime();
    }
}
