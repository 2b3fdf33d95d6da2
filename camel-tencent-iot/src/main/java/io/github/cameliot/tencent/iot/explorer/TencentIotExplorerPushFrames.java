package io.github.cameliot.tencent.iot.explorer;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cameliot.cloudapi.FieldPath;
import io.github.cameliot.cloudapi.Json;
import okhttp3.HttpUrl;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long connection's frames: the options checked into the devices to register, the requests the consumer sends
 * ({@code ActivePush}, the {@code YunApi} heartbeat), what a reply says of the token, and a {@code DeviceChange} push
 * turned into a message (headers, and the Base64 payload decoded as the body).
 */
final class TencentIotExplorerPushFrames {

    private static final Logger LOG = LoggerFactory.getLogger(TencentIotExplorerPushFrames.class);

    private TencentIotExplorerPushFrames() {
    }

    /** The device ids of the configuration, checked, without duplicates, in their order. */
    static List<String> validate(TencentIotExplorerConfiguration configuration) {
        String ids = configuration.getDeviceIds();
        if (ids == null || ids.isBlank()) {
            throw new IllegalArgumentException("tencent-iot-explorer:push needs the option deviceIds: the devices to "
                                               + "receive the changes of, comma-separated, as ProductId/DeviceName");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            String trimmed = id.trim();
            int slash = trimmed.indexOf('/');
            if (slash <= 0 || slash == trimmed.length() - 1 || trimmed.indexOf('/', slash + 1) >= 0) {
                throw new IllegalArgumentException("The option deviceIds has '" + trimmed + "', which is not "
                                                   + "ProductId/DeviceName");
            }
            unique.add(trimmed);
        }
        String url = configuration.getPushUrl();
        if (httpUrl(url) == null) {
            throw new IllegalArgumentException("The option pushUrl must be a ws:// or wss:// URL, not '" + url + "'");
        }
        if (configuration.getHeartbeatInterval() <= 0) {
            throw new IllegalArgumentException("The option heartbeatInterval must be positive, not "
                                               + configuration.getHeartbeatInterval() + " ms");
        }
        if (configuration.getReconnectInitialDelay() <= 0) {
            throw new IllegalArgumentException("The option reconnectInitialDelay must be positive, not "
                                               + configuration.getReconnectInitialDelay() + " ms");
        }
        if (configuration.getReconnectMaxDelay() < configuration.getReconnectInitialDelay()) {
            throw new IllegalArgumentException("The option reconnectMaxDelay (" + configuration.getReconnectMaxDelay()
                                               + " ms) must not be less than reconnectInitialDelay ("
                                               + configuration.getReconnectInitialDelay() + " ms)");
        }
        return List.copyOf(unique);
    }

    /** The http(s) form of a ws(s) URL, as OkHttp reads it, or null when it is none. */
    static HttpUrl httpUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("wss://")) {
            return HttpUrl.parse("https://" + url.substring(6));
        }
        if (lower.startsWith("ws://")) {
            return HttpUrl.parse("http://" + url.substring(5));
        }
        return null;
    }

    /** The headers and body of one push's {@code params}. */
    static void populate(Message message, Map<String, Object> params) {
        String deviceId = text(params.get("DeviceId"));
        message.setHeader(TencentIotExplorerConstants.PUSH_TYPE, text(params.get("Type")));
        message.setHeader(TencentIotExplorerConstants.PUSH_SUB_TYPE, text(params.get("SubType")));
        message.setHeader(TencentIotExplorerConstants.DEVICE_ID, deviceId);
        if (deviceId != null && deviceId.indexOf('/') > 0) {
            int slash = deviceId.indexOf('/');
            message.setHeader(TencentIotExplorerConstants.PRODUCT_ID, deviceId.substring(0, slash));
            message.setHeader(TencentIotExplorerConstants.DEVICE_NAME, deviceId.substring(slash + 1));
        }
        String topic = text(params.get("Topic"));
        if (topic != null && !topic.isEmpty()) {
            message.setHeader(TencentIotExplorerConstants.TOPIC, topic);
        }
        message.setHeader(TencentIotExplorerConstants.SEQ, Json.toLong(params.get("Seq")));
        message.setHeader(TencentIotExplorerConstants.PUSH_TIME, text(params.get("Time")));
        String payload = text(params.get("Payload"));
        byte[] body = payload == null || payload.isEmpty() ? new byte[0] : decode(payload);
        if (body.length > 0 && body[firstNonBlank(body)] == '{') {
            try {
                Map<String, Object> json = Json.readMap(body);
                if (json.get("method") instanceof String method) {
                    message.setHeader(TencentIotExplorerConstants.METHOD, method);
                }
                if (json.get("clientToken") != null) {
                    message.setHeader(TencentIotExplorerConstants.CLIENT_TOKEN, String.valueOf(json.get("clientToken")));
                }
            } catch (Exception e) {
                // not JSON after all: the body is what the device sent, the headers just stay unset
                LOG.debug("tencent-iot-explorer push: the payload of {} is not a JSON object", deviceId);
            }
        }
        message.setBody(body);
    }

    static byte[] decode(String payload) {
        try {
            return Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Payload of the push is not Base64: " + e.getMessage(), e);
        }
    }

    static int firstNonBlank(byte[] body) {
        int i = 0;
        while (i < body.length - 1 && Character.isWhitespace(body[i])) {
            i++;
        }
        return i;
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** Whether an error code or message, or a logic error in {@code data.Response.Error}, says the token is invalid. */
    static boolean tokenInvalid(Map<String, Object> reply) {
        if (mentionsInvalidToken(reply.get("error")) || mentionsInvalidToken(reply.get("error_message"))) {
            return true;
        }
        return mentionsInvalidToken(errorCode(reply));
    }

    static boolean mentionsInvalidToken(Object value) {
        return value instanceof String text && text.contains(TencentIotExplorerPushConsumer.INVALID_ACCESS_TOKEN);
    }

    /** {@code data.Response.Error.Code}, or null. */
    static String errorCode(Map<String, Object> reply) {
        Object error = FieldPath.get(reply, "data.Response.Error");
        return error instanceof Map<?, ?> map && map.get("Code") != null ? String.valueOf(map.get("Code")) : null;
    }

    static void putAppKey(Map<String, Object> params, TencentIotExplorerConfiguration configuration) {
        if (configuration.getAppKey() != null && !configuration.getAppKey().isEmpty()) {
            params.put("AppKey", configuration.getAppKey());
        }
    }

    static Map<String, Object> request(String action, String reqId, Map<String, Object> params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", action);
        request.put("reqId", reqId);
        request.put("params", params);
        return request;
    }
}
