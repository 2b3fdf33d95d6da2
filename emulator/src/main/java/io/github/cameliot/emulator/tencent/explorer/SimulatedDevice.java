package io.github.cameliot.emulator.tencent.explorer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.Json;

/**
 * A device of the emulated IoT Explorer: its thing-model properties with their last update, its online state and the
 * messages it received. Every change it makes or undergoes (online, offline, a property report, control from the
 * API, an action call and its reply, a message published to it) is pushed over the long connection to the users who
 * registered it. Tests drive it through this class: {@code explorer.device("PRODUCT", "lamp").online().report(Map.of(
 * "power_switch", 1))}.
 */
public final class SimulatedDevice {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A message the device received from the cloud. */
    public record Received(String topic, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final String productId;
    private final String deviceName;
    private final String psk;
    private final Devices devices;
    private final ObjectNode properties = MAPPER.createObjectNode();
    private final List<Received> received = new ArrayList<>();
    private boolean online;
    private boolean everOnline;
    private BiFunction<String, JsonNode, JsonNode> actions = (actionId, input) -> MAPPER.createObjectNode();

    SimulatedDevice(String productId, String deviceName, Devices devices) {
        this.productId = productId;
        this.deviceName = deviceName;
        this.devices = devices;
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        this.psk = Base64.getEncoder().encodeToString(key);
    }

    public String productId() {
        return productId;
    }

    public String deviceName() {
        return deviceName;
    }

    /** {@code ProductId/DeviceName}. */
    public String deviceId() {
        return productId + "/" + deviceName;
    }

    /** The device's PSK (Base64), the key of its binding signature. */
    public String psk() {
        return psk;
    }

    /** Connects the device to the cloud. */
    public SimulatedDevice online() {
        return status(true);
    }

    /** Disconnects the device. */
    public SimulatedDevice offline() {
        return status(false);
    }

    public synchronized boolean isOnline() {
        return online;
    }

    /** Whether the device has ever connected, which binding it needs. */
    synchronized boolean everOnline() {
        return everOnline;
    }

    /** Reports property values, as the device does on {@code $thing/up/property}. */
    public SimulatedDevice report(Map<String, ?> values) {
        return report((ObjectNode) MAPPER.valueToTree(values), "report-" + UUID.randomUUID());
    }

    /** Reports property values given as a JSON object. */
    public SimulatedDevice report(String json) {
        return report(Json.readObject(json), "report-" + UUID.randomUUID());
    }

    /** The current property values. */
    public synchronized ObjectNode properties() {
        ObjectNode values = MAPPER.createObjectNode();
        properties.fields().forEachRemaining(field -> values.set(field.getKey(), field.getValue().get("Value")));
        return values;
    }

    /** The messages the device received from the cloud, in order: control, action calls, published messages. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * How the device answers thing-model action calls: given the action id and its input parameters, the output
     * parameters (by default none).
     */
    public synchronized SimulatedDevice onAction(BiFunction<String, JsonNode, JsonNode> handler) {
        this.actions = handler;
        return this;
    }

    /** Reports a Wi-Fi provisioning token, as the device does after receiving it from the app. */
    public SimulatedDevice provision(String bindToken) {
        devices.bindTokens().reported(bindToken, deviceId());
        return this;
    }

    /** Reports an event of the thing model. */
    public SimulatedDevice event(String eventId, Map<String, ?> params) {
        ObjectNode message = MAPPER.createObjectNode().put("method", "event_post").put("version", "1.0")
                .put("eventId", eventId).put("clientToken", "event-" + UUID.randomUUID());
        message.set("params", MAPPER.valueToTree(params));
        devices.changed(deviceId(), "Event", "Report", "$thing/up/event/" + deviceId(), bytes(message));
        return this;
    }

    /** The thing-model data as AppGetDeviceData answers it: {@code {"id": {"Value": v, "LastUpdate": ms}}}. */
    synchronized ObjectNode data() {
        return properties.deepCopy();
    }

    /** Control from the API: the device receives it, sets the properties and reports them. */
    void control(ObjectNode values) {
        String clientToken = "control-" + UUID.randomUUID();
        ObjectNode message = MAPPER.createObjectNode().put("method", "control").put("clientToken", clientToken);
        message.set("params", values);
        receive("$thing/down/property/" + deviceId(), message);
        devices.changed(deviceId(), "Template", "Push", "", bytes(message));
        report(values, clientToken);
    }

    /** An action call from the API: the device receives it and replies; answers the reply. */
    ObjectNode callAction(String actionId, JsonNode input) {
        String clientToken = UUID.randomUUID() + "::" + actionId;
        ObjectNode call = MAPPER.createObjectNode().put("method", "action").put("clientToken", clientToken)
                .put("actionId", actionId).put("timestamp", System.currentTimeMillis() / 1000);
        call.set("params", input);
        receive("$thing/down/action/" + deviceId(), call);
        devices.changed(deviceId(), "Action", "Push", "", bytes(call));
        BiFunction<String, JsonNode, JsonNode> handler;
        synchronized (this) {
            handler = actions;
        }
        JsonNode output = handler.apply(actionId, input);
        ObjectNode reply = MAPPER.createObjectNode().put("method", "action_reply").put("clientToken", clientToken)
                .put("code", 0).put("status", "succ");
        reply.set("response", output == null ? MAPPER.createObjectNode() : output);
        devices.changed(deviceId(), "Action", "Report", "", bytes(reply));
        return reply;
    }

    /** Publishes a message of the device's own on a user-defined topic, such as {@code PRODUCT/dev/user/data}. */
    public SimulatedDevice publish(String topic, byte[] payload) {
        devices.changed(deviceId(), "UserDefined", "Report", topic, payload);
        return this;
    }

    /** A message published to the device (AppApiPublishMessage). */
    void deliver(String topic, byte[] payload) {
        synchronized (this) {
            received.add(new Received(topic, payload));
        }
        devices.changed(deviceId(), "UserDefined", "Push", topic, payload);
    }

    private SimulatedDevice report(ObjectNode values, String clientToken) {
        long now = System.currentTimeMillis();
        synchronized (this) {
            values.fields().forEachRemaining(field -> properties.set(field.getKey(),
                    MAPPER.createObjectNode().<ObjectNode>set("Value", field.getValue()).put("LastUpdate", now)));
        }
        ObjectNode message = MAPPER.createObjectNode().put("method", "report").put("clientToken", clientToken)
                .put("timestamp", now);
        message.set("params", values);
        devices.changed(deviceId(), "Property", "Report", "$thing/up/property/" + deviceId(), bytes(message));
        return this;
    }

    private SimulatedDevice status(boolean connected) {
        boolean changed;
        synchronized (this) {
            changed = online != connected;
            online = connected;
            everOnline |= connected;
        }
        if (changed) {
            devices.changed(deviceId(), "StatusChange", connected ? "Online" : "Offline", "", new byte[0]);
        }
        return this;
    }

    private synchronized void receive(String topic, ObjectNode message) {
        received.add(new Received(topic, bytes(message)));
    }

    synchronized void reset() {
        properties.removeAll();
        received.clear();
    }


    private static byte[] bytes(JsonNode message) {
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }
}
