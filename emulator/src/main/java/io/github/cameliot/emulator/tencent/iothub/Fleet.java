package io.github.cameliot.emulator.tencent.iothub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated devices of one product that publish telemetry periodically, for demos and load:
 *
 * <pre>{@code
 * Fleet fleet = cloud.iotHub().fleet("ABCDE12345", 10)          // devices device-1 .. device-10, connected
 *         .publishEvery(Duration.ofSeconds(1),
 *                 device -> "{\"temperature\":" + (20 + Math.random() * 5) + "}");
 * ...
 * fleet.stop();
 * }</pre>
 *
 * Each tick every connected device publishes the function's JSON to its {@code event} topic (see {@link #topic}),
 * which runs the topic rules. A reset of the emulator stops every fleet.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    private final Vertx vertx;
    private final List<SimulatedDevice> devices;
    private volatile String topicName = "event";
    private final AtomicBoolean publishing = new AtomicBoolean();
    private volatile long timer = -1;

    Fleet(Vertx vertx, List<SimulatedDevice> devices) {
        this.vertx = vertx;
        this.devices = List.copyOf(devices);
    }

    public List<SimulatedDevice> devices() {
        return devices;
    }

    /** The topic name the devices publish to, {@code event} unless set: {@code ProductId/DeviceName/<name>}. */
    public Fleet topic(String name) {
        this.topicName = name;
        return this;
    }

    /** Makes every device publish {@code telemetry.apply(device)} once per {@code period}, from now on. */
    public synchronized Fleet publishEvery(Duration period, Function<SimulatedDevice, String> telemetry) {
        stop();
        // on a worker: the rules' targets may block (a RocketMQ send), which the event loop must not; a tick that
        // comes while the last one still publishes is skipped, so that a slow target does not pile ticks up
        timer = vertx.setPeriodic(Math.max(1, period.toMillis()), id -> {
            if (publishing.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    try {
                        publishOnce(telemetry);
                    } finally {
                        publishing.set(false);
                    }
                    return null;
                }, false);
            }
        });
        return this;
    }

    /** Makes every connected device publish once, now. */
    public void publishOnce(Function<SimulatedDevice, String> telemetry) {
        for (SimulatedDevice device : devices) {
            try {
                if (device.isOnline()) {
                    device.publish(device.topic(topicName), telemetry.apply(device));
                }
            } catch (RuntimeException e) {
                LOG.warn("{} did not publish its telemetry: {}", device, e.toString());
            }
        }
    }

    /** Stops publishing; the devices stay as they are. */
    public synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
