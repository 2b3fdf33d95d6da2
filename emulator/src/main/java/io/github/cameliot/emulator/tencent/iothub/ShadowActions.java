package io.github.cameliot.emulator.tencent.iothub;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The shadow actions: reading, updating the desired state under the version lock, and deleting. An update reaches
 * the device, when online, as IoT Hub's {@code delta} on {@code $shadow/operation/result/<product>/<device>}.
 */
final class ShadowActions {

    /** The documented limit of State. */
    static final int MAX_STATE_BYTES = 8 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotHubState state;

    ShadowActions(IotHubState state) {
        this.state = state;
    }

    void register(ApiServer server) {
        server.handle("DescribeDeviceShadow", call -> state.locked(() -> data(shadow(device(call)), "get")));
        server.handle("UpdateDeviceShadow", this::update);
        server.handle("DeleteDeviceShadow", call -> state.locked(() -> {
            Device device = device(call);
            shadow(device);
            device.shadow = null;
            return JsonNodeFactory.instance.objectNode();
        }));
    }

    private ObjectNode update(ApiCall call) {
        ObjectNode desired = desired(call.params().get("State"));
        long expected = call.params().path("ShadowVersion").asLong(-1);
        Runnable[] notify = new Runnable[1];
        ObjectNode output = state.locked(() -> {
            Device device = device(call);
            Shadow shadow = shadow(device);
            if (shadow.version() != expected) {
                throw IotHubErrors.failed("UpdateVersionNotMatch", "ShadowVersion " + expected + " is not the "
                        + "shadow's version " + shadow.version() + ".");
            }
            shadow.desire(desired, state.nowMillis());
            notify[0] = device.isOnline() ? DeviceMailbox.receive(device, delta(device, desired, shadow.version()))
                    : () -> { };
            return data(shadow, "update");
        });
        notify[0].run();
        return output;
    }

    /** The desired part of State, checked as the cloud checks it. */
    private static ObjectNode desired(JsonNode state) {
        JsonNode parsed = state;
        if (state != null && state.isTextual()) {
            if (state.asText().getBytes(StandardCharsets.UTF_8).length > MAX_STATE_BYTES) {
                throw IotHubErrors.invalid("JSONSizeExceedLimit", "State is over 8 KB.");
            }
            try {
                parsed = MAPPER.readTree(state.asText());
            } catch (Exception e) {
                throw IotHubErrors.invalid("InvalidJSON", "State is not JSON.");
            }
        }
        if (!(parsed instanceof ObjectNode object) || !(object.get("desired") instanceof ObjectNode desired)) {
            throw IotHubErrors.invalid("InvalidJSON", "State is not {\"desired\": {...}}.");
        }
        if (object.size() != 1) {
            throw IotHubErrors.invalid("JSONHasInvalidNode", "State may hold only desired.");
        }
        if (object.toString().getBytes(StandardCharsets.UTF_8).length > MAX_STATE_BYTES) {
            throw IotHubErrors.invalid("JSONSizeExceedLimit", "State is over 8 KB.");
        }
        return desired;
    }

    private DeviceMessage delta(Device device, ObjectNode desired, long version) {
        ObjectNode delta = JsonNodeFactory.instance.objectNode();
        delta.put("type", "delta");
        delta.put("timestamp", state.nowMillis());
        ObjectNode payload = delta.putObject("payload");
        payload.set("state", desired.deepCopy());
        payload.put("version", version);
        return new DeviceMessage("$shadow/operation/result/" + device.productId + "/" + device.name,
                delta.toString().getBytes(StandardCharsets.UTF_8), 0);
    }

    private ObjectNode data(Shadow shadow, String type) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Data", shadow.document(type, state.nowMillis()));
        return output;
    }

    private Device device(ApiCall call) {
        String productId = call.text("ProductId");
        String deviceName = call.text("DeviceName");
        Device device = state.findDevice(productId, deviceName);
        if (device == null) {
            throw IotHubErrors.productOrDeviceNotExist(productId, deviceName);
        }
        return device;
    }

    private static Shadow shadow(Device device) {
        if (device.shadow == null) {
            throw IotHubErrors.shadowNotExist(device.productId, device.name);
        }
        return device.shadow;
    }
}
