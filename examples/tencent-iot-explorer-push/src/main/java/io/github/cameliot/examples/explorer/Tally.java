package io.github.cameliot.examples.explorer;

import java.util.concurrent.atomic.AtomicLong;

/** What the routes did and received, for the summary. */
final class Tally {

    private final AtomicLong controls = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong controlPushes = new AtomicLong();
    private final AtomicLong propertyReports = new AtomicLong();

    void controlled() {
        controls.incrementAndGet();
    }

    /** A device change the long connection pushed, by its type and sub-type. */
    void pushed(String type, String subType) {
        pushes.incrementAndGet();
        if ("Template".equals(type) && "Push".equals(subType)) {
            controlPushes.incrementAndGet();
        } else if ("Property".equals(type) && "Report".equals(subType)) {
            propertyReports.incrementAndGet();
        }
    }

    long propertyReports() {
        return propertyReports.get();
    }

    long controls() {
        return controls.get();
    }

    Summary summary(int devices) {
        return new Summary(devices, controls.get(), pushes.get(), controlPushes.get(), propertyReports.get());
    }

    /** The counts at the end. */
    record Summary(int devices, long controls, long pushes, long controlPushes, long propertyReports) {

        String table() {
            return String.join(System.lineSeparator(),
                    "+--------------------+-------+",
                    row("devices bound", devices),
                    row("controls sent", controls),
                    row("pushes received", pushes),
                    row("- control", controlPushes),
                    row("- property report", propertyReports),
                    "+--------------------+-------+");
        }

        private static String row(String name, long count) {
            return String.format("| %-18s | %5d |", name, count);
        }
    }
}
