package io.github.cameliot.emulator.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switchable faults of one API, for reliability tests: added latency, answers with a 5xx status and the cloud's
 * internal error, and connections closed without an answer. Counted faults come first, then the rates apply.
 */
public final class Faults {

    /** What happens to one request. */
    public enum Fault {
        NONE, SERVER_ERROR, DROP_CONNECTION
    }

    private volatile Duration latency = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile double dropRate;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();

    /** Delays every answer by this much. */
    public Faults latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Answers the next {@code count} requests with a 5xx status. */
    public Faults failNext(int count) {
        serverErrors.set(count);
        return this;
    }

    /** Closes the connection of the next {@code count} requests without answering. */
    public Faults dropNext(int count) {
        drops.set(count);
        return this;
    }

    /** Answers this share (0 to 1) of the requests with a 5xx status. */
    public Faults serverErrorRate(double rate) {
        this.serverErrorRate = rate;
        return this;
    }

    /** Drops the connection of this share (0 to 1) of the requests. */
    public Faults dropRate(double rate) {
        this.dropRate = rate;
        return this;
    }

    /** Switches every fault off. */
    public Faults reset() {
        latency = Duration.ZERO;
        serverErrorRate = 0;
        dropRate = 0;
        serverErrors.set(0);
        drops.set(0);
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** The fault of the next request. */
    public Fault next() {
        if (takeOne(drops)) {
            return Fault.DROP_CONNECTION;
        }
        if (takeOne(serverErrors)) {
            return Fault.SERVER_ERROR;
        }
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < dropRate) {
            return Fault.DROP_CONNECTION;
        }
        return draw < dropRate + serverErrorRate ? Fault.SERVER_ERROR : Fault.NONE;
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
