package io.github.cameliot.tencent.iot;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Paginator;
import io.github.cameliot.cloudapi.camel.CloudApiHealthCheck;
import io.github.cameliot.cloudapi.camel.CloudApiProducer;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;

import static io.github.cameliot.tencent.iot.TencentIotActions.DESCRIBE_DEVICE_SHADOW;
import static io.github.cameliot.tencent.iot.TencentIotActions.PUBLISH_RRPC_MESSAGE;
import static io.github.cameliot.tencent.iot.TencentIotActions.UPDATE_DEVICE_SHADOW;

/**
 * Calls the IoT Hub action asynchronously; see {@link CloudApiProducer}.
 */
public class TencentIotProducer extends CloudApiProducer {

    public TencentIotProducer(TencentIotEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentIotEndpoint getEndpoint() {
        return (TencentIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void checkClient() {
        getEndpoint().getClient();
    }

    /** One DescribeProducts call for the smallest page proves that the endpoint reaches IoT Hub with valid credentials. */
    @Override
    protected HealthCheck createHealthCheck() {
        TencentIotEndpoint endpoint = getEndpoint();
        ActionSpec describeProducts = endpoint.getCatalog().spec("DescribeProducts");
        Map<String, Object> smallestPage = Map.of("Offset", 0, "Limit", 10);
        return new CloudApiHealthCheck("producer:tencent-iot-" + endpoint.getId(), "IoT Hub",
                () -> endpoint.getClient().call(describeProducts, smallestPage));
    }

    @Override
    protected boolean isHealthCheckEnabled() {
        return getEndpoint().getComponent().isHealthCheckProducerEnabled();
    }

    @Override
    protected ActionSpec action(Message message) {
        TencentIotEndpoint endpoint = getEndpoint();
        return endpoint.getCatalog().spec(message.getHeader(TencentIotConstants.OPERATION, endpoint.getAction(), String.class));
    }

    @Override
    protected CompletableFuture<ApiResult> call(Message message, ActionSpec spec) {
        TencentIotConfiguration configuration = getEndpoint().getConfiguration();
        return call(spec, TencentIotRequests.parameters(message, spec, configuration), configuration);
    }

    private CompletableFuture<ApiResult> call(ActionSpec spec, Map<String, Object> parameters, TencentIotConfiguration configuration) {
        TencentIotClient client = getEndpoint().getClient();
        if (UPDATE_DEVICE_SHADOW.equals(spec.name()) && configuration.isShadowAutoVersion()) {
            return new ShadowUpdate(client, getEndpoint().getCatalog()).update(spec, parameters);
        }
        spec.checkRequired(parameters);
        if (configuration.isPaginate() && spec.isPaged()) {
            return Paginator.fetchAll(client, spec, parameters);
        }
        return client.call(spec, parameters);
    }

    @Override
    protected void answer(Message message, ActionSpec spec, ApiResult result) {
        message.setHeader(TencentIotConstants.REQUEST_ID, result.requestId());
        Map<String, Object> fields = result.fields();
        if (PUBLISH_RRPC_MESSAGE.equals(spec.name())) {
            if (fields.get("MessageId") instanceof Number id) {
                message.setHeader(TencentIotConstants.MESSAGE_ID, id.longValue());
            }
            Object reply = fields.get("PayloadBase64");
            message.setBody(reply instanceof String base64 ? Base64.getDecoder().decode(base64) : null);
            return;
        }
        if (DESCRIBE_DEVICE_SHADOW.equals(spec.name()) || UPDATE_DEVICE_SHADOW.equals(spec.name())) {
            Long version = ShadowUpdate.version(fields);
            if (version != null) {
                message.setHeader(TencentIotConstants.SHADOW_VERSION, version);
            }
        }
        message.setBody(fields);
    }
}
