package io.github.cameliot.cloudapi.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * A poll strategy (endpoint option {@code pollStrategy=#name}) that counts finished polls, so that a test waits for
 * whole polls instead of sleeping: a poll runs its exchanges before it finishes, so after a change, two more finished
 * polls mean that a poll that started after the change has delivered everything.
 */
public final class PollCounter implements PollingConsumerPollStrategy {

    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        finished.incrementAndGet();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        failed.incrementAndGet();
        finished.incrementAndGet();
        return false;
    }

    public int finished() {
        return finished.get();
    }

    public int failed() {
        return failed.get();
    }

    /** Waits until {@code polls} more polls have finished. */
    public void awaitPolls(int polls) {
        int target = finished.get() + polls;
        await(() -> finished.get() >= target, "%d more polls".formatted(polls));
    }

    /** Waits until the condition holds, for at most 10 seconds. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what);
            }
        }
    }
}
