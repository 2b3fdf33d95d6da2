package io.github.cameliot.examples.fleet;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.tencent.iothub.SimulatedDevice;

/**
 * The embedded cloud's fleet: every round, each device sends a reading on its {@code event} topic, and every other
 * round one on its {@code status} topic. Some devices run hot until the fan command arrives; one reading in
 * sixteen is broken (no humidity), as real sensors sometimes send. A device reports the fan state it was told to
 * set in its shadow.
 */
final class FleetSimulation {

    private final List<SimulatedDevice> devices;
    private final Random random = new Random(42);
    private final AtomicLong sent = new AtomicLong();

    FleetSimulation(CloudEmulator cloud, String productId, List<String> deviceNames) {
        this.devices = deviceNames.stream().map(name -> cloud.iotHub().device(productId, name).connect()).toList();
        for (SimulatedDevice device : devices) {
            device.onMessage(message -> {
                if (message.text().contains("\"fan\":\"on\"")) {
                    device.reportShadow("{\"fan\":\"on\"}");
                }
            });
        }
    }

    /** Sends one round of readings. */
    void round(int round) {
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice device = devices.get(i);
            device.publish(device.topic("event"), reading(device, i, round));
            if (round % 2 == 0) {
                device.publish(device.topic("status"), reading(device, i, round));
            }
        }
    }

    /** How many readings the fleet has sent. */
    long sent() {
        return sent.get();
    }

    private String reading(SimulatedDevice device, int index, int round) {
        long number = sent.incrementAndGet();
        boolean hot = index % 3 == 0 && !device.received().stream().anyMatch(m -> m.text().contains("fan"));
        double temperature = (hot ? 34 : 22) + random.nextGaussian();
        double humidity = 40 + 10 * random.nextDouble();
        String humidityField = number % 16 == 0 ? "" : String.format(Locale.ROOT, ",\"humidity\":%.1f", humidity);
        return String.format(Locale.ROOT, "{\"deviceName\":\"%s\",\"temperature\":%.2f%s,\"timestamp\":%d,\"round\":%d}",
                device.deviceName(), temperature, humidityField, System.currentTimeMillis(), round);
    }
}
