package io.github.cameliot.tencent.iot;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.camel.MessageBodies;
import org.apache.camel.Message;

import static io.github.cameliot.tencent.iot.TencentIotActions.PUBLISH_MESSAGE;
import static io.github.cameliot.tencent.iot.TencentIotActions.PUBLISH_RRPC_MESSAGE;
import static io.github.cameliot.tencent.iot.TencentIotActions.UPDATE_DEVICE_SHADOW;

/**
 * Turns a message into the parameters of an action: the body's parameters first, then headers and endpoint options
 * for what the body leaves out. The messaging actions take their payload from the body; parameters that the API types
 * as JSON strings may be given as maps or lists.
 */
final class TencentIotRequests {

    static final String PAYLOAD = "Payload";
    static final String PAYLOAD_ENCODING = "PayloadEncoding";

    private TencentIotRequests() {
    }

    static Map<String, Object> parameters(Message message, ActionSpec spec, TencentIotConfiguration configuration) {
        String action = spec.name();
        boolean messaging = PUBLISH_MESSAGE.equals(action) || PUBLISH_RRPC_MESSAGE.equals(action);
        Object body = message.getBody();
        Map<String, Object> parameters;
        if (messaging && !(body instanceof Map<?, ?> || body instanceof JsonNode)) {
            parameters = new LinkedHashMap<>();
            if (body != null) {
                putPayload(parameters, action, body instanceof String text ? text : MessageBodies.payloadBytes(message, action));
            }
        } else {
            parameters = MessageBodies.parameters(body, action);
            if (messaging && parameters.get(PAYLOAD) instanceof byte[] bytes) {
                putPayload(parameters, action, bytes);
            }
        }

        fillRequired(parameters, "ProductId", spec,
                message.getHeader(TencentIotConstants.PRODUCT_ID, configuration.getProductId(), String.class));
        fillRequired(parameters, "DeviceName", spec,
                message.getHeader(TencentIotConstants.DEVICE_NAME, configuration.getDeviceName(), String.class));
        if (PUBLISH_MESSAGE.equals(action)) {
            fill(parameters, "Topic", message.getHeader(TencentIotConstants.TOPIC, configuration.getTopic(), String.class));
            fill(parameters, "Qos", message.getHeader(TencentIotConstants.QOS, configuration.getQos(), Integer.class));
        } else if (UPDATE_DEVICE_SHADOW.equals(action)) {
            fill(parameters, "ShadowVersion", message.getHeader(TencentIotConstants.SHADOW_VERSION, Long.class));
            jsonString(parameters, "State");
        } else if (parameters.get("TopicRulePayload") instanceof Map<?, ?> rule) {
            Map<String, Object> payload = new LinkedHashMap<>();
            rule.forEach((key, value) -> payload.put(String.valueOf(key), value));
            jsonString(payload, "Actions");
            parameters.put("TopicRulePayload", payload);
        }
        if (spec.isPaged()) {
            spec.paging().firstPage(parameters);
        }
        return parameters;
    }

    /**
     * PublishMessage sends text as it is, and bytes base64-encoded with PayloadEncoding=base64 so that they reach the
     * device byte for byte. PublishRRPCMessage takes UTF-8 text only.
     */
    private static void putPayload(Map<String, Object> parameters, String action, Object payload) {
        if (payload instanceof String text) {
            parameters.put(PAYLOAD, text);
        } else if (PUBLISH_RRPC_MESSAGE.equals(action)) {
            parameters.put(PAYLOAD, new String((byte[]) payload, StandardCharsets.UTF_8));
        } else {
            parameters.put(PAYLOAD, Base64.getEncoder().encodeToString((byte[]) payload));
            parameters.put(PAYLOAD_ENCODING, "base64");
        }
    }

    /**
     * Sets a parameter the action requires, when the body left it out. Optional ones are never filled: for list
     * actions they are filters (DescribeDevices' DeviceName), which an endpoint-wide option must not narrow silently.
     */
    private static void fillRequired(Map<String, Object> parameters, String name, ActionSpec spec, Object value) {
        if (spec.requiredParameters().contains(name)) {
            fill(parameters, name, value);
        }
    }

    private static void fill(Map<String, Object> parameters, String name, Object value) {
        if (value != null && parameters.get(name) == null) {
            parameters.put(name, value);
        }
    }

    /** The API types some parameters as strings holding JSON ({@code State}, {@code Actions}); accept maps and lists too. */
    private static void jsonString(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof JsonNode) {
            parameters.put(name, Json.writeString(value));
        }
    }
}
