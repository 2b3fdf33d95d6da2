package io.github.cameliot.tencent.iot;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Paginator;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import static io.github.cameliot.tencent.iot.TencentIotActions.DESCRIBE_DEVICE_SHADOW;
import static io.github.cameliot.tencent.iot.TencentIotActions.PUBLISH_RRPC_MESSAGE;
import static io.github.cameliot.tencent.iot.TencentIotActions.UPDATE_DEVICE_SHADOW;

/**
 * Calls the action asynchronously: the route's thread is released while the call is in flight, and the exchange
 * continues on the thread that receives the answer.
 */
public class TencentIotProducer extends DefaultAsyncProducer {

    private WritableHealthCheckRepository healthCheckRepository;
    private TencentIotProducerHealthCheck healthCheck;

    public TencentIotProducer(TencentIotEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentIotEndpoint getEndpoint() {
        return (TencentIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // fails the route's start, not its first message, when region or credentials are missing
        getEndpoint().getClient();
        // health checks are optional: registered only where the producers repository is in use
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new TencentIotProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<ApiResult> call;
        ActionSpec spec;
        try {
            TencentIotEndpoint endpoint = getEndpoint();
            TencentIotConfiguration configuration = endpoint.getConfiguration();
            Message message = exchange.getMessage();
            spec = endpoint.getCatalog().spec(message.getHeader(TencentIotConstants.OPERATION, endpoint.getAction(), String.class));
            Map<String, Object> parameters = TencentIotRequests.parameters(message, spec, configuration);
            call = call(spec, parameters, configuration);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenComplete((result, error) -> {
            if (error != null) {
                exchange.setException(Futures.cause(error));
            } else {
                answer(exchange.getMessage(), spec, result);
            }
            callback.done(false);
        });
        return false;
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

    private static void answer(Message message, ActionSpec spec, ApiResult result) {
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
