package io.github.cameliot.tencent.iot.explorer;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.camel.MessageBodies;
import org.apache.camel.Message;

import static io.github.cameliot.tencent.iot.explorer.TencentIotExplorerActions.APP_API_PUBLISH_MESSAGE;
import static io.github.cameliot.tencent.iot.explorer.TencentIotExplorerActions.APP_PUBLISH_MSG_AS_DEVICE;

/**
 * Turns a message into the parameters of an action: the body's parameters first, then headers and endpoint options
 * for what the body leaves out.
 * <ul>
 * <li>Device control (AppControlDeviceData, AppReportDataAsDevice): a map body that names none of the action's
 * parameters is the property map, sent as the {@code Data} JSON string.</li>
 * <li>Parameters the API types as JSON strings ({@code Data}, {@code InputParams}, {@code Params}) may be given as
 * maps or lists.</li>
 * <li>The publishing actions (AppApiPublishMessage, AppPublishMsgAsDevice) take a text or bytes body as the
 * {@code Payload}: text as it is; bytes Base64-encoded (AppApiPublishMessage with {@code PayloadEncoding=base64}, so
 * that the cloud sends them to the device byte for byte).</li>
 * <li>{@code ProductId}, {@code DeviceName} and {@code DeviceId} ({@code ProductId/DeviceName}) come from the
 * headers or options when the action requires them.</li>
 * </ul>
 */
final class TencentIotExplorerRequests {

    static final String DATA = "Data";
    static final String PAYLOAD = "Payload";
    static final String PAYLOAD_ENCODING = "PayloadEncoding";

    private TencentIotExplorerRequests() {
    }

    static Map<String, Object> parameters(Message message, ActionSpec spec, TencentIotExplorerConfiguration configuration) {
        String action = spec.name();
        boolean publishing = APP_API_PUBLISH_MESSAGE.equals(action) || APP_PUBLISH_MSG_AS_DEVICE.equals(action);
        Object body = message.getBody();
        Map<String, Object> parameters;
        if (publishing && body != null && !(body instanceof Map<?, ?> || body instanceof JsonNode)) {
            parameters = new LinkedHashMap<>();
            putPayload(parameters, action, body instanceof String text ? text : MessageBodies.payloadBytes(message, action));
        } else {
            parameters = MessageBodies.parameters(body, action);
            if (publishing && parameters.get(PAYLOAD) instanceof byte[] bytes) {
                putPayload(parameters, action, bytes);
            }
            if (TencentIotExplorerActions.DATA_BODY_ACTIONS.contains(action) && !parameters.isEmpty()
                && parameters.keySet().stream().noneMatch(name -> documented(spec, name))) {
                Map<String, Object> data = parameters;
                parameters = new LinkedHashMap<>();
                parameters.put(DATA, data);
            }
        }
        for (String name : TencentIotExplorerActions.JSON_STRING_PARAMETERS) {
            jsonString(parameters, name);
        }

        String productId = message.getHeader(TencentIotExplorerConstants.PRODUCT_ID, configuration.getProductId(), String.class);
        String deviceName = message.getHeader(TencentIotExplorerConstants.DEVICE_NAME, configuration.getDeviceName(),
                String.class);
        fillRequired(parameters, "ProductId", spec, productId);
        fillRequired(parameters, "DeviceName", spec, deviceName);
        if (spec.requiredParameters().contains("DeviceId") && parameters.get("DeviceId") == null) {
            Object product = parameters.getOrDefault("ProductId", productId);
            Object device = parameters.getOrDefault("DeviceName", deviceName);
            if (product != null && device != null) {
                parameters.put("DeviceId", product + "/" + device);
            }
        }
        if (spec.isPaged()) {
            spec.paging().firstPage(parameters);
        }
        return parameters;
    }

    private static boolean documented(ActionSpec spec, String name) {
        return spec.requiredParameters().contains(name) || spec.optionalParameters().contains(name);
    }

    private static void putPayload(Map<String, Object> parameters, String action, Object payload) {
        if (payload instanceof String text) {
            parameters.put(PAYLOAD, text);
            return;
        }
        parameters.put(PAYLOAD, Base64.getEncoder().encodeToString((byte[]) payload));
        if (APP_API_PUBLISH_MESSAGE.equals(action)) {
            parameters.put(PAYLOAD_ENCODING, "base64");
        }
    }

    private static void fillRequired(Map<String, Object> parameters, String name, ActionSpec spec, Object value) {
        if (value != null && spec.requiredParameters().contains(name) && parameters.get(name) == null) {
            parameters.put(name, value);
        }
    }

    private static void jsonString(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof JsonNode) {
            parameters.put(name, Json.writeString(value));
        }
    }
}
