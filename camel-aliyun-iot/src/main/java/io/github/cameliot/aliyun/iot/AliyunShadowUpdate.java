package io.github.cameliot.aliyun.iot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.aliyun.AliyunCloudApiException;

/**
 * UpdateDeviceShadow with the version handled: the {@code version} of the {@code ShadowMessage} must be greater than
 * the shadow's current one. Without a version the current one is read first and the next sent; when the update is
 * refused for its version ({@code iot.messagebroker.InvalidVersionValueInShadowMessage}), the version is read again
 * and the update retried once.
 */
final class AliyunShadowUpdate {

    static final String VERSION_REFUSED = "iot.messagebroker.InvalidVersionValueInShadowMessage";
    static final String SHADOW_MESSAGE = "ShadowMessage";
    private static final String VERSION = "version";

    private final AliyunIotClient client;
    private final ActionSpec get;

    AliyunShadowUpdate(AliyunIotClient client) {
        this.client = client;
        this.get = AliyunIotActions.CATALOG.spec(AliyunIotActions.GET_DEVICE_SHADOW);
    }

    CompletableFuture<ApiResult> update(ActionSpec update, Map<String, Object> parameters) {
        update.checkRequired(parameters);
        Map<String, Object> shadow = document(parameters.get(SHADOW_MESSAGE));
        CompletableFuture<Map<String, Object>> versioned = shadow.get(VERSION) != null
                ? CompletableFuture.completedFuture(parameters) : withNextVersion(parameters, shadow);
        return versioned.thenCompose(request -> client.call(update, request))
                .exceptionallyCompose(error -> isVersionRefused(error)
                        ? withNextVersion(parameters, shadow).thenCompose(request -> client.call(update, request))
                        : CompletableFuture.failedFuture(error));
    }

    private CompletableFuture<Map<String, Object>> withNextVersion(Map<String, Object> parameters, Map<String, Object> shadow) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put(AliyunIotRequests.PRODUCT_KEY, parameters.get(AliyunIotRequests.PRODUCT_KEY));
        device.put(AliyunIotRequests.DEVICE_NAME, parameters.get(AliyunIotRequests.DEVICE_NAME));
        if (parameters.get(AliyunIotRequests.IOT_INSTANCE_ID) != null) {
            device.put(AliyunIotRequests.IOT_INSTANCE_ID, parameters.get(AliyunIotRequests.IOT_INSTANCE_ID));
        }
        return client.call(get, device).thenApply(current -> {
            Long version = version(current.fields());
            Map<String, Object> next = new LinkedHashMap<>(shadow);
            next.put(VERSION, version == null ? 1L : version + 1);
            Map<String, Object> request = new LinkedHashMap<>(parameters);
            request.put(SHADOW_MESSAGE, Json.writeString(next));
            return request;
        });
    }

    private static boolean isVersionRefused(Throwable error) {
        return Futures.cause(error) instanceof AliyunCloudApiException e && VERSION_REFUSED.equals(e.getErrorCode());
    }

    /** The shadow document of a ShadowMessage parameter, given as JSON text or as a map. */
    private static Map<String, Object> document(Object shadowMessage) {
        if (shadowMessage instanceof String text) {
            try {
                return Json.readMap(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("UpdateDeviceShadow: ShadowMessage is not a JSON object", e);
            }
        }
        return Json.toParameters(shadowMessage);
    }

    /** The version in GetDeviceShadow's answer: {@code ShadowMessage} is the shadow document, as a JSON string. */
    static Long version(Map<String, Object> fields) {
        Object message = fields.get(SHADOW_MESSAGE);
        Map<String, Object> document;
        try {
            document = message instanceof String text && !text.isBlank() ? Json.readMap(text)
                    : message instanceof Map<?, ?> ? Json.toParameters(message) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (document == null) {
            return null;
        }
        return Json.toLong(document.get(VERSION));
    }
}
