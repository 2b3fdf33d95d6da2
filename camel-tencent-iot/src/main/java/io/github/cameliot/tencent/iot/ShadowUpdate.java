package io.github.cameliot.tencent.iot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
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
        if (parameters.get(SHADOW_VERSION) != null) {
            update.checkRequired(parameters);
            return client.call(update, parameters).handle((result, error) -> {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof TencentCloudApiException e && VERSION_NOT_MATCH.equals(e.getErrorCode())) {
                    return withCurrentVersion(update, parameters);
                }
                return error == null ? CompletableFuture.completedFuture(result) : CompletableFuture.<ApiResult> failedFuture(cause);
            }).thenCompose(future -> future);
        }
        return withCurrentVersion(update, parameters);
    }

    private CompletableFuture<ApiResult> withCurrentVersion(ActionSpec update, Map<String, Object> parameters) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("ProductId", parameters.get("ProductId"));
        device.put("DeviceName", parameters.get("DeviceName"));
        Map<String, Object> withVersion = new LinkedHashMap<>(parameters);
        withVersion.put(SHADOW_VERSION, 0L);
        update.checkRequired(withVersion);
        return client.call(describe, device).thenCompose(shadow -> {
            Long version = version(shadow.fields());
            withVersion.put(SHADOW_VERSION, version == null ? 0L : version);
            return client.call(update, withVersion);
        });
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
