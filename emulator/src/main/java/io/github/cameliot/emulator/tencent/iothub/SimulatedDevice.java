package io.github.cameliot.emulator.tencent.iothub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.Json;

/**
 * A device of the emulated IoT Hub, driven from Java as a real device drives its MQTT connection: it connects and
 * disconnects (its {@code Online} state), publishes to its own topics (which runs the topic rules), reports its
 * shadow, receives what PublishMessage and shadow updates send it, answers RRPC requests, and reports firmware
 * upgrade progress. Obtained from {@link IotHubEmulator#device(String, String)}; any number of views of one device
 * share its state and listeners.
 *
 * <pre>{@code
 * SimulatedDevice dev1 = cloud.iotHub().device("ABCDE12345", "dev1");
 * dev1.onMessage(message -> dev1.reportShadow("{\"color\":\"red\"}"));
 * dev1.connect();
 * dev1.publish("ABCDE12345/dev1/event", "{\"temperature\":21.5}");
 * }</pre>
 */
public final class SimulatedDevice {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotHubState state;
    private final RuleEngine rules;
    private final String productId;
    private final String deviceName;

    SimulatedDevice(IotHubState state, RuleEngine rules, String productId, String deviceName) {
        this.state = state;
        this.rules = rules;
        this.productId = productId;
        this.deviceName = deviceName;
    }

    public String productId() {
        return productId;
    }

    public String deviceName() {
        return deviceName;
    }

    /** A topic of this device: {@code ProductId/DeviceName/name}. */
    public String topic(String name) {
        return productId + "/" + deviceName + "/" + name;
    }

    /** The device's current key, as CreateDevice or UpdateDevicePSK set it. */
    public String psk() {
        return state.locked(() -> device().psk);
    }

    /**
     * Connects: the device becomes online, and receives the QoS 1 messages kept while it was offline.
     *
     * @throws IllegalStateException when the device or its product is disabled: the broker refuses it
     */
    public SimulatedDevice connect() {
        Runnable notify = state.locked(() -> {
            Device device = device();
            if (device.enableState == 0 || state.product(productId).forbidden) {
                throw new IllegalStateException(device.key() + " is disabled; the broker refuses its connection");
            }
            device.connect(state.nowSeconds());
            return DeviceMailbox.flushOfflineQueue(device);
        });
        notify.run();
        return this;
    }

    /** Disconnects: the device becomes offline. */
    public SimulatedDevice disconnect() {
        state.locked(() -> device().disconnect(state.nowSeconds()));
        return this;
    }

    public boolean isOnline() {
        return state.locked(() -> device().isOnline());
    }

    /** Publishes JSON text; see {@link #publish(String, byte[])}. */
    public int publish(String topic, String json) {
        return publish(topic, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Publishes to one of the device's own topics, and runs the topic rules on the message.
     *
     * @return how many rules selected the message
     * @throws IllegalStateException    when the device is not connected
     * @throws IllegalArgumentException when the topic is not the device's own: IoT Hub refuses it
     */
    public int publish(String topic, byte[] payload) {
        if (!topic.startsWith(productId + "/" + deviceName + "/")) {
            throw new IllegalArgumentException(productId + "/" + deviceName + " may publish only to its own topics, "
                    + "not " + topic);
        }
        state.locked(() -> {
            if (!device().isOnline()) {
                throw new IllegalStateException(productId + "/" + deviceName + " is not connected");
            }
        });
        return rules.onMessage(topic, payload);
    }

    /**
     * Reports state to the shadow (merged into {@code reported}; a null value removes its entry), creating the
     * shadow again if it was deleted.
     *
     * @param reportedJson a JSON object, such as {@code {"color":"red"}}
     * @return the shadow's new version
     */
    public long reportShadow(String reportedJson) {
        ObjectNode patch = Json.readObject(reportedJson);
        return state.locked(() -> {
            Device device = device();
            if (device.shadow == null) {
                device.shadow = new Shadow(state.nowMillis());
            }
            device.shadow.report(patch, state.nowMillis());
            return device.shadow.version();
        });
    }

    /** Clears the desired state once applied, as a device does after a delta; returns the new version. */
    public long clearDesired() {
        return state.locked(() -> {
            Device device = device();
            if (device.shadow == null) {
                throw new IllegalStateException(device.key() + " has no shadow");
            }
            ObjectNode patch = MAPPER.createObjectNode();
            device.shadow.desired().fieldNames().forEachRemaining(patch::putNull);
            device.shadow.desire(patch, state.nowMillis());
            return device.shadow.version();
        });
    }

    /** The shadow's desired state, as JSON text ({@code {}} when there is none). */
    public String desired() {
        return state.locked(() -> {
            Device device = device();
            return device.shadow == null ? "{}" : device.shadow.desired().toString();
        });
    }

    /** The messages received so far, in the order they arrived. */
    public List<DeviceMessage> received() {
        return state.locked(() -> new ArrayList<>(device().received));
    }

    /**
     * Calls {@code listener} with every message the device receives from now on (PublishMessage, republished
     * messages, shadow deltas on {@code $shadow/operation/result/...}, firmware updates on {@code $ota/update/...}),
     * outside the emulator's locks, so it may publish or report in turn.
     */
    public SimulatedDevice onMessage(Consumer<DeviceMessage> listener) {
        state.locked(() -> device().listeners.add(listener));
        return this;
    }

    /**
     * Answers PublishRRPCMessage requests with what {@code responder} returns (null: no answer, which the caller
     * gets as {@code FailedOperation.RRPCTimeout}). Without a responder the device has not subscribed to RRPC.
     */
    public SimulatedDevice onRrpc(Function<DeviceMessage, byte[]> responder) {
        state.locked(() -> device().rrpcResponder = responder);
        return this;
    }

    /**
     * Reports the progress of a firmware upgrade, as a device does on {@code $ota/report}; {@code done} sets the
     * device's firmware version to the task's.
     *
     * @param taskId    the task, whose update message the device received
     * @param progress  {@code downloading}, {@code burning}, {@code done} or {@code fail}
     * @param percent   0 to 100
     * @return false when the task does not upgrade this device (any more)
     */
    public boolean reportUpgrade(long taskId, String progress, int percent) {
        FirmwareTask.DeviceState reported = FirmwareTask.DeviceState.valueOf(progress.toUpperCase(Locale.ROOT));
        return state.locked(() -> {
            FirmwareTask task = state.firmwareTasks.get(taskId);
            return task != null && task.report(device(), reported, percent);
        });
    }

    private Device device() {
        Device device = state.findDevice(productId, deviceName);
        if (device == null) {
            throw new IllegalStateException("The device " + productId + "/" + deviceName + " does not exist");
        }
        return device;
    }


    @Override
    public String toString() {
        return "SimulatedDevice[" + productId + "/" + deviceName + "]";
    }
}
