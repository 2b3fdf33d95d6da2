package io.github.cameliot.tencent.iot;

import io.github.cameliot.cloudapi.sign.TencentForwardSigner;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.cameliot.cloudapi.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One request from the rule engine's forward action, read and judged: refused (with the HTTP status), answered
 * with an echo (the service-address check), or to be routed with the body as text and the message's source in
 * headers.
 */
final class ForwardRequest {

    record Refusal(int status, String reason) {
    }

    private final Refusal refusal;
    private final String echo;
    private final String body;

    private ForwardRequest(Refusal refusal, String echo, String body) {
        this.refusal = refusal;
        this.echo = echo;
        this.body = body;
    }

    static ForwardRequest of(Message message, TencentIotConfiguration configuration, long nowMillis) {
        String token = configuration.getToken();
        if (token != null && !token.isEmpty()) {
            String timestamp = message.getHeader("Timestamp", String.class);
            if (!TencentForwardSigner.verify(token, timestamp, message.getHeader("Nonce", String.class),
                    message.getHeader("Signature", String.class))) {
                return refused(401, "missing or invalid signature");
            }
            if (isStale(timestamp, nowMillis, configuration.getTimestampWindow())) {
                return refused(401, "stale timestamp");
            }
        }
        if ("GET".equalsIgnoreCase(message.getHeader(Exchange.HTTP_METHOD, String.class))) {
            String echostr = message.getHeader("Echostr", String.class);
            return echostr == null ? refused(400, "a GET must carry Echostr") : new ForwardRequest(null, echostr, null);
        }
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > configuration.getMaxBodySize()) {
            return refused(413, "body over " + configuration.getMaxBodySize() + " bytes");
        }
        byte[] bytes = message.getBody(byte[].class);
        if (bytes != null && bytes.length > configuration.getMaxBodySize()) {
            return refused(413, "body over " + configuration.getMaxBodySize() + " bytes");
        }
        return new ForwardRequest(null, null, bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
    }

    Refusal refusal() {
        return refusal;
    }

    String echo() {
        return echo;
    }

    /**
     * The forwarded JSON as the body, and its source in headers where the rule's SQL selected it: topic, product
     * and device (taken from the topic, {@code ProductId/DeviceName/...}, when the fields are not there).
     */
    void prepare(Message message) {
        message.removeHeaders("Signature|Nonce|Echostr");
        message.setBody(body);
        if (body == null || !body.stripLeading().startsWith("{")) {
            return;
        }
        Map<String, Object> fields;
        try {
            fields = Json.readMap(body);
        } catch (IllegalArgumentException e) {
            return;
        }
        String topic = text(fields, "topic", "Topic");
        String productId = text(fields, "productid", "productId", "ProductId");
        String deviceName = text(fields, "devicename", "deviceName", "DeviceName");
        if (topic != null) {
            message.setHeader(TencentIotConstants.TOPIC, topic);
            String[] levels = topic.split("/", 3);
            if (levels.length == 3) {
                productId = productId != null ? productId : levels[0];
                deviceName = deviceName != null ? deviceName : levels[1];
            }
        }
        if (productId != null) {
            message.setHeader(TencentIotConstants.PRODUCT_ID, productId);
        }
        if (deviceName != null) {
            message.setHeader(TencentIotConstants.DEVICE_NAME, deviceName);
        }
    }

    private static ForwardRequest refused(int status, String reason) {
        return new ForwardRequest(new Refusal(status, reason), null, null);
    }

    private static boolean isStale(String timestamp, long nowMillis, long windowMillis) {
        try {
            long seconds = Long.parseLong(timestamp.trim());
            return Math.abs(nowMillis - seconds * 1000) > windowMillis;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String text(Map<String, Object> fields, String... names) {
        for (String name : names) {
            if (fields.get(name) instanceof String value && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
