package io.github.cameliot.examples.telemetry;

import java.util.concurrent.atomic.AtomicLong;

/** What the routes did and received, for the summary. */
final class Tally {

    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong statuses = new AtomicLong();
    private final AtomicLong rrpcAnswered = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();

    void reading() {
        readings.incrementAndGet();
    }

    void status() {
        statuses.incrementAndGet();
    }

    void rrpc(String code) {
        if ("SUCCESS".equals(code)) {
            rrpcAnswered.incrementAndGet();
        }
    }

    void commanded() {
        commands.incrementAndGet();
    }

    void acknowledged() {
        acknowledged.incrementAndGet();
    }

    Summary summary() {
        return new Summary(readings.get(), statuses.get(), rrpcAnswered.get(), commands.get(), acknowledged.get());
    }

    /** The counts at one moment. */
    record Summary(long readings, long statusMessages, long rrpcAnswered, long commands, long acknowledged) {

        String table() {
            return String.join(System.lineSeparator(),
                    "+----------------------+-------+",
                    row("readings received", readings),
                    row("status messages", statusMessages),
                    row("RRpc answered", rrpcAnswered),
                    row("commands sent", commands),
                    row("commands acked", acknowledged),
                    "+----------------------+-------+");
        }

        private static String row(String name, long count) {
            return String.format("| %-20s | %5d |", name, count);
        }
    }
}
