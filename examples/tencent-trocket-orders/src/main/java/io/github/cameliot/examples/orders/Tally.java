package io.github.cameliot.examples.orders;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the routes did, for the summary. */
final class Tally {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();

    void sent() {
        sent.incrementAndGet();
    }

    void failed() {
        deliveries.incrementAndGet();
        failed.incrementAndGet();
    }

    /** An order processed, on its {@code attempt}th delivery. */
    void processed(String orderId, int attempt) {
        deliveries.incrementAndGet();
        if (attempt > 1) {
            redelivered.incrementAndGet();
        }
        processed.add(orderId);
    }

    int processedCount() {
        return processed.size();
    }

    Summary summary() {
        return new Summary(sent.get(), deliveries.get(), failed.get(), redelivered.get(), processed.size());
    }

    /** The counts at the end. */
    record Summary(long sent, long deliveries, long failed, long redelivered, int processed) {

        String table() {
            return String.join(System.lineSeparator(),
                    "+------------------------+-------+",
                    row("orders sent", sent),
                    row("deliveries", deliveries),
                    row("failed attempts", failed),
                    row("ok on redelivery", redelivered),
                    row("orders processed", processed),
                    "+------------------------+-------+");
        }

        private static String row(String name, long count) {
            return String.format("| %-22s | %5d |", name, count);
        }
    }
}
