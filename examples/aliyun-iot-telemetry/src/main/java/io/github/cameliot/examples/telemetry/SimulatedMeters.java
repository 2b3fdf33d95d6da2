package io.github.cameliot.examples.telemetry;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.aliyun.DeviceMessage;
import io.github.cameliot.emulator.aliyun.SimulatedDevice;

/**
 * The embedded cloud's meters, behaving as their firmware would: they connect, publish a reading on their
 * {@code user/update} topic every round, answer a status RRpc request, and acknowledge each command that arrived on
 * {@code user/get} on their {@code user/ack} topic when they next wake up. Only the example's emulator mode uses this:
 * real devices do the same on their own.
 */
final class SimulatedMeters {

    private final List<SimulatedDevice> meters;
    private final Set<String> handled = new HashSet<>();
    private final Random random = new Random(7);

    SimulatedMeters(CloudEmulator cloud, String productKey, List<String> deviceNames) {
        this.meters = deviceNames.stream().map(name -> cloud.aliyunIot().device(productKey, name)).toList();
        meters.forEach(meter -> meter.onRrpc(request -> String.format(Locale.ROOT,
                "{\"deviceName\":\"%s\",\"firmware\":\"1.4.2\",\"battery\":87}", meter.deviceName()).getBytes()));
    }

    void connect() {
        meters.forEach(SimulatedDevice::connect);
    }

    /** Every meter acknowledges the commands it got since the last round, then publishes a reading. */
    void round(int round) {
        for (SimulatedDevice meter : meters) {
            for (DeviceMessage command : meter.received()) {
                if (command.topic().endsWith("/user/get") && handled.add(command.messageId())) {
                    meter.publish(topic(meter, "ack"), "{\"messageId\":\"" + command.messageId() + "\",\"applied\":"
                                                       + command.text() + "}");
                }
            }
            meter.publish(topic(meter, "update"), String.format(Locale.ROOT,
                    "{\"round\":%d,\"energy\":%.2f,\"voltage\":%.1f}", round, 100 + round + random.nextDouble(),
                    228 + 4 * random.nextDouble()));
        }
    }

    private static String topic(SimulatedDevice meter, String name) {
        return "/" + meter.productKey() + "/" + meter.deviceName() + "/user/" + name;
    }
}
