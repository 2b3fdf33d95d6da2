package io.github.cameliot.examples.explorer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.tencent.explorer.SimulatedDevice;

/**
 * The embedded cloud's lamps, behaving as their firmware would: they are connected, take the provisioning token the
 * app hands them and report it, apply the control they receive and report the new values (the emulator's devices do
 * that last part themselves). Only the example's emulator mode uses this: real devices do the same on their own.
 */
final class SimulatedLamps {

    private final CloudEmulator cloud;
    private final String productId;

    SimulatedLamps(CloudEmulator cloud, String productId, List<String> deviceNames) {
        this.cloud = cloud;
        this.productId = productId;
        deviceNames.forEach(name -> lamp(name).online().report(Map.of("power_switch", 0, "brightness", 0)));
    }

    /** The lamp got its provisioning token from the app, and reports it to the cloud. */
    void provision(String deviceName, String token) {
        lamp(deviceName).provision(token);
    }

    /** Waits until the long connection has registered the lamps for the user (it is a live feed, not a queue). */
    void awaitPushRegistered(List<String> deviceNames, Duration timeout) throws InterruptedException {
        for (String name : deviceNames) {
            cloud.explorer().longConnection().awaitRegistered(productId + "/" + name, timeout);
        }
    }

    private SimulatedDevice lamp(String deviceName) {
        return cloud.explorer().device(productId, deviceName);
    }
}
