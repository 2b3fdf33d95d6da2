package io.github.cameliot.examples.devices;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.tencent.iothub.DeviceMessage;
import io.github.cameliot.emulator.tencent.iothub.SimulatedDevice;

/**
 * The embedded cloud's lamps, behaving as their firmware would: once connected they report their state to the shadow;
 * a command on the control topic is applied and reported, and so is a desired state (the shadow's delta), which is then
 * cleared as done. Only the example's emulator mode uses this: real devices do the same on their own.
 */
final class SimulatedLamps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<SimulatedDevice> lamps;

    SimulatedLamps(CloudEmulator cloud, String productId, List<String> deviceNames) {
        this.lamps = deviceNames.stream().map(name -> cloud.iotHub().device(productId, name)).toList();
        lamps.forEach(lamp -> lamp.onMessage(message -> apply(lamp, message)));
    }

    /** Connects every lamp and reports its state at power-on. */
    void switchOn() {
        for (SimulatedDevice lamp : lamps) {
            lamp.connect();
            lamp.reportShadow("{\"power\":\"on\",\"brightness\":0,\"color\":\"white\"}");
        }
    }

    private static void apply(SimulatedDevice lamp, DeviceMessage message) {
        JsonNode json = parse(message.text());
        if (message.topic().equals(lamp.topic("control"))) {
            lamp.reportShadow(json.toString());
        } else if ("delta".equals(json.path("type").asText())) {
            lamp.reportShadow(json.path("payload").path("state").toString());
            lamp.clearDesired();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("A lamp got a message that is not JSON", e);
        }
    }
}
