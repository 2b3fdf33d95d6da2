package io.github.cameliot.aliyun.iot;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Paginator;
import io.github.cameliot.cloudapi.camel.CloudApiHealthCheck;
import io.github.cameliot.cloudapi.camel.CloudApiProducer;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;

import static io.github.cameliot.aliyun.iot.AliyunIotActions.GET_DEVICE_SHADOW;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.RRPC;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.UPDATE_DEVICE_SHADOW;

/**
 * Calls the IoT Platform action asynchronously; see {@link CloudApiProducer}. The message ids of messages sent to
 * devices go to a header as text: they have 18 digits, more than a double holds.
 */
public class AliyunIotProducer extends CloudApiProducer {

    public AliyunIotProducer(AliyunIotEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AliyunIotEndpoint getEndpoint() {
        return (AliyunIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void checkClient() {
        getEndpoint().getClient();
    }

    /**
     * One QueryProductList call for the smallest page (of the configured instance) proves that the endpoint reaches IoT
     * Platform with valid keys.
     */
    @Override
    protected HealthCheck createHealthCheck() {
        AliyunIotEndpoint endpoint = getEndpoint();
        ActionSpec queryProductList = endpoint.getCatalog().spec("QueryProductList");
        Map<String, Object> smallestPage = new LinkedHashMap<>(Map.of("CurrentPage", 1, "PageSize", 1));
        String instance = endpoint.getConfiguration().getIotInstanceId();
        if (instance != null && !instance.isBlank()) {
            smallestPage.put(AliyunIotRequests.IOT_INSTANCE_ID, instance);
        }
        return new CloudApiHealthCheck("producer:aliyun-iot-" + endpoint.getId(), "IoT Platform",
                () -> endpoint.getClient().call(queryProductList, smallestPage));
    }

    @Override
    protected boolean isHealthCheckEnabled() {
        return getEndpoint().getComponent().isHealthCheckProducerEnabled();
    }

    @Override
    protected ActionSpec action(Message message) {
        AliyunIotEndpoint endpoint = getEndpoint();
        return endpoint.getCatalog().spec(message.getHeader(AliyunIotConstants.OPERATION, endpoint.getAction(), String.class));
    }

    @Override
    protected CompletableFuture<ApiResult> call(Message message, ActionSpec spec) {
        AliyunIotConfiguration configuration = getEndpoint().getConfiguration();
        Map<String, Object> parameters = AliyunIotRequests.parameters(message, spec, configuration);
        AliyunIotClient client = getEndpoint().getClient();
        if (UPDATE_DEVICE_SHADOW.equals(spec.name()) && configuration.isShadowAutoVersion()) {
            return new AliyunShadowUpdate(client).update(spec, parameters);
        }
        AliyunIotRequests.check(spec, parameters);
        if (configuration.isPaginate() && spec.isPaged()) {
            return Paginator.fetchAll(client, spec, parameters);
        }
        return client.call(spec, parameters);
    }

    @Override
    protected void answer(Message message, ActionSpec spec, ApiResult result) {
        message.setHeader(AliyunIotConstants.REQUEST_ID, result.requestId());
        Map<String, Object> fields = result.fields();
        Object messageId = fields.containsKey("MessageId") ? fields.get("MessageId")
                : fields.get("Data") instanceof Map<?, ?> data ? data.get("MessageId") : null;
        if (messageId != null) {
            message.setHeader(AliyunIotConstants.MESSAGE_ID, messageId.toString());
        }
        if (RRPC.equals(spec.name())) {
            message.setHeader(AliyunIotConstants.RRPC_CODE, fields.get("RrpcCode"));
            Object reply = fields.get("PayloadBase64Byte");
            message.setBody(reply instanceof String base64 ? Base64.getDecoder().decode(base64) : null);
            return;
        }
        if (GET_DEVICE_SHADOW.equals(spec.name())) {
            Long version = AliyunShadowUpdate.version(fields);
            if (version != null) {
                message.setHeader(AliyunIotConstants.SHADOW_VERSION, version);
            }
        }
        message.setBody(fields);
    }
}
