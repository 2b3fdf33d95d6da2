package io.github.cameliot.examples.fleet;

import java.util.concurrent.atomic.AtomicLong;

/** What the routes did, for the progress lines and the summary. */
public final class FleetCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong shadowUpdates = new AtomicLong();
    private final AtomicLong mirrored = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public void received() {
        received.incrementAndGet();
    }

    public void stored() {
        stored.incrementAndGet();
    }

    public void commandSent() {
        commands.incrementAndGet();
    }

    public void shadowUpdated() {
        shadowUpdates.incrementAndGet();
    }

    public void mirrored() {
        mirrored.incrementAndGet();
    }

    public void failed() {
        failures.incrementAndGet();
    }

    public long receivedCount() {
        return received.get();
    }

    /** Every message received has been stored or counted as a failure, and every stored one mirrored. */
    public boolean settled() {
        long in = received.get();
        return stored.get() + failures.get() >= in && mirrored.get() >= stored.get();
    }

    public Summary snapshot() {
        return new Summary(received.get(), stored.get(), commands.get(), shadowUpdates.get(), mirrored.get(),
                failures.get());
    }

    /** The counts at one moment. */
    public record Summary(long messagesIn, long stored, long commandsSent, long shadowsUpdated, long mirrored,
                          long failures) {

        public String progressLine() {
            return String.format("in %d | stored %d | commands %d | shadows %d | mirrored %d | failures %d",
                    messagesIn, stored, commandsSent, shadowsUpdated, mirrored, failures);
        }

        public String table() {
            return String.join(System.lineSeparator(),
                    "+-----------------+---------+",
                    row("messages in", messagesIn),
                    row("stored", stored),
                    row("commands sent", commandsSent),
                    row("shadows updated", shadowsUpdated),
                    row("mirrored", mirrored),
                    row("failures", failures),
                    "+-----------------+---------+");
        }

        private static String row(String name, long count) {
            return String.format("| %-15s | %7d |", name, count);
        }
    }
}
