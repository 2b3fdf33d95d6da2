package io.github.cameliot.tencent.iot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;

/**
 * UpdateDeviceShadow with the version handled: the shadow's version is an optimistic lock that must equal the
 * server's. Without a version the current one is read first; on {@code FailedOperation.UpdateVersionNotMatch} the
 * version is read again and the update retried once.
 */
final class ShadowUpdate {

    static final String VERSION_NOT_MATCH = "FailedOperation.UpdateVersionNotMatch";
    private static final String SHADOW_VERSION = "ShadowVersion";

    private final TencentIotClient client;
    private final ActionSpec describe;

    ShadowUpdate(TencentIotClient client, ActionCatalog catalog) {
        this.client = client;
        this.describe = catalog.spec(TencentIotActions.DESCRIBE_DEVICE_SHADOW);
    }

    CompletableFuture<ApiResult> update(ActionSpec update, Map<String, Object> parameters) {
        Map<String, Object> checked = new LinkedHashMap<>(parameters);
        checked.putIfAbsent(SHADOW_VERSION, 0L);
        update.checkRequired(checked);
        CompletableFuture<Map<String, Object>> versioned = parameters.get(SHADOW_VERSION) != null
                ? CompletableFuture.completedFuture(parameters) : withCurrentVersion(parameters);
        return versioned.thenCompose(request -> client.call(update, request))
                .exceptionallyCompose(error -> isVersionConflict(error)
                        ? withCurrentVersion(parameters).thenCompose(request -> client.call(update, request))
                        : CompletableFuture.failedFuture(error));
    }

    private CompletableFuture<Map<String, Object>> withCurrentVersion(Map<String, Object> parameters) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("ProductId", parameters.get("ProductId"));
        device.put("DeviceName", parameters.get("DeviceName"));
        return client.call(describe, device).thenApply(shadow -> {
            Long version = version(shadow.fields());
            Map<String, Object> request = new LinkedHashMap<>(parameters);
            request.put(SHADOW_VERSION, version == null ? 0L : version);
            return request;
        });
    }

    private static boolean isVersionConflict(Throwable error) {
        return Futures.cause(error) instanceof TencentCloudApiException e && VERSION_NOT_MATCH.equals(e.getErrorCode());
    }

    /** The version in a shadow action's answer: {@code Data} is the shadow document as a JSON string. */
    static Long version(Map<String, Object> fields) {
        if (fields.get("Data") instanceof String data && !data.isBlank()) {
            Map<String, Object> document;
            try {
                document = Json.readMap(data);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (document.get("payload") instanceof Map<?, ?> payload && payload.get("version") instanceof Number version) {
                return version.longValue();
            }
        }
        return null;
    }
}
