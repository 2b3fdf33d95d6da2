package io.github.cameliot.cloudapi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} (from 0) the client waits a random time between zero
 * and {@code min(maxDelay, initialDelay * 2^n)}, so that many clients throttled together do not retry together.
 *
 * @param maxRetries   how many times a failed call is tried again (0 turns retries off)
 * @param initialDelay the upper bound of the first wait
 * @param maxDelay     the largest upper bound of any wait
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    /** The wait before retry {@code retry} (0 is the first retry), in milliseconds. */
    public long delayMillis(int retry) {
        long cap = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(retry, 20));
        return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    }

    /**
     * Whether a call that failed with this error on retry {@code retry} may be sent again: the error must be
     * retryable, and an action that is not idempotent is sent again only when the error proves it did not run.
     */
    public boolean shouldRetry(CloudApiException error, int retry, boolean idempotent) {
        return retry < maxRetries && error.isRetryable() && (idempotent || error.isNotExecuted());
    }
}
