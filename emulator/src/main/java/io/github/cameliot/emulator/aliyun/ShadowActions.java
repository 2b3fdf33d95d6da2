package io.github.cameliot.emulator.aliyun;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * GetDeviceShadow and UpdateDeviceShadow: the cloud sets the desired state with a version greater than the current
 * one (an older or equal version is the document's {@code InvalidVersionValueInShadowMessage}), and the device gets the
 * change on {@code /shadow/get/PK/NAME} as a {@code control} message.
 */
final class ShadowActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LENGTH = 16 * 1024;
    private static final int MAX_ATTRIBUTES = 128;

    private final IotPlatform platform;

    ShadowActions(IotPlatform platform) {
        this.platform = platform;
    }

    void register(ApiServer server) {
        server.handle("GetDeviceShadow", this::get).handle("UpdateDeviceShadow", this::update);
    }

    private ObjectNode get(ApiCall call) {
        synchronized (platform) {
            Device device = platform.device(call);
            ObjectNode output = MAPPER.createObjectNode();
            if (device.shadow.exists()) {
                output.put("ShadowMessage", device.shadow.document().toString());
            }
            return output;
        }
    }

    private ObjectNode update(ApiCall call) {
        String text = call.text("ShadowMessage");
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw error("ShadowMessageLengthIsLarge", "The shadow message is longer than 16 KB.");
        }
        JsonNode message;
        try {
            message = MAPPER.readTree(text);
        } catch (Exception e) {
            throw error("ShadowMessageIsNotJson", "The shadow message is not JSON.");
        }
        if (!(message instanceof ObjectNode)) {
            throw error("ShadowMessageIsNotJson", "The shadow message is not a JSON object.");
        }
        if (!message.hasNonNull("method")) {
            throw error("NotFoundMethodInShadowMessage", "The shadow message has no method.");
        }
        if (!"update".equals(message.get("method").asText())) {
            throw error("MethodValueIsNotUpdate", "The method of the shadow message is not update.");
        }
        if (!message.hasNonNull("state")) {
            throw error("NotFoundStateInShadowMessage", "The shadow message has no state.");
        }
        JsonNode desired = message.get("state").get("desired");
        if (desired == null) {
            throw error("NotFoundDesireInShadowMessage", "The state of the shadow message has no desired.");
        }
        if (!(desired instanceof ObjectNode attributes)) {
            throw error("DesireInfoInShadowMessageIsNotJson", "desired is not a JSON object.");
        }
        if (attributes.isEmpty()) {
            throw error("NoneElementInDesire", "desired has no attribute.");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw error("TooManyElementInDesire", "desired has more than 128 attributes.");
        }
        attributes.properties().forEach(attribute -> {
            if (attribute.getKey().isEmpty()) {
                throw error("ElementKeyOrValueIsNullInDesire", "desired has an empty key.");
            }
        });
        JsonNode version = message.get("version");
        if (version == null || version.isNull()) {
            throw error("NotFoundVersionOrNullVersionValue", "The shadow message has no version.");
        }
        long newVersion;
        try {
            newVersion = Long.parseLong(version.asText());
        } catch (NumberFormatException e) {
            throw error("InvalidVersionValueInShadowMessage", "The version " + version + " is not a number.");
        }
        synchronized (platform) {
            Device device = platform.device(call);
            if (newVersion <= device.shadow.version()) {
                throw error("InvalidVersionValueInShadowMessage", "The version " + newVersion
                        + " is not greater than the shadow's version " + device.shadow.version() + ".");
            }
            device.shadow.desire(attributes, newVersion, platform.now());
            ObjectNode control = MAPPER.createObjectNode();
            control.put("method", "control");
            ObjectNode payload = control.putObject("payload");
            payload.put("status", "success");
            ObjectNode document = device.shadow.document();
            payload.set("state", document.get("state"));
            payload.set("metadata", document.get("metadata"));
            control.put("version", device.shadow.version());
            control.put("timestamp", document.get("timestamp").asLong());
            platform.downstream(device, "/shadow/get/" + device.productKey() + "/" + device.deviceName,
                    control.toString().getBytes(StandardCharsets.UTF_8), 1);
            return MAPPER.createObjectNode();
        }
    }

    private static ApiError error(String code, String message) {
        return new ApiError("iot.messagebroker." + code, message);
    }
}
