package io.github.cameliot.tencent.trocket;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Paginator;
import io.github.cameliot.cloudapi.camel.CloudApiHealthCheck;
import io.github.cameliot.cloudapi.camel.CloudApiProducer;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;

/**
 * Calls a management API action asynchronously; see {@link CloudApiProducer}.
 */
public class TencentTrocketProducer extends CloudApiProducer {

    public TencentTrocketProducer(TencentTrocketEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentTrocketEndpoint getEndpoint() {
        return (TencentTrocketEndpoint) super.getEndpoint();
    }

    @Override
    protected void checkClient() {
        getEndpoint().getClient();
    }

    /** One DescribeInstanceList call for the smallest page proves that the endpoint reaches the API with valid keys. */
    @Override
    protected HealthCheck createHealthCheck() {
        TencentTrocketEndpoint endpoint = getEndpoint();
        ActionSpec describeInstances = endpoint.getCatalog().spec(TencentTrocketActions.DESCRIBE_INSTANCE_LIST);
        Map<String, Object> smallestPage = Map.of("Offset", 0, "Limit", 1);
        return new CloudApiHealthCheck("producer:tencent-trocket-" + endpoint.getId(), "TDMQ RocketMQ",
                () -> endpoint.getClient().call(describeInstances, smallestPage));
    }

    @Override
    protected boolean isHealthCheckEnabled() {
        return getEndpoint().getComponent().isHealthCheckProducerEnabled();
    }

    @Override
    protected ActionSpec action(Message message) {
        TencentTrocketEndpoint endpoint = getEndpoint();
        return endpoint.getCatalog().spec(message.getHeader(TencentTrocketConstants.OPERATION, endpoint.getAction(), String.class));
    }

    @Override
    protected CompletableFuture<ApiResult> call(Message message, ActionSpec spec) {
        TencentTrocketConfiguration configuration = getEndpoint().getConfiguration();
        Map<String, Object> parameters = TencentTrocketRequests.parameters(message, spec, configuration);
        spec.checkRequired(parameters);
        TencentTrocketClient client = getEndpoint().getClient();
        if (configuration.isPaginate() && spec.isPaged()) {
            return Paginator.fetchAll(client, spec, parameters);
        }
        return client.call(spec, parameters);
    }

    @Override
    protected void answer(Message message, ActionSpec spec, ApiResult result) {
        message.setHeader(TencentTrocketConstants.REQUEST_ID, result.requestId());
        message.setBody(result.fields());
    }
}
