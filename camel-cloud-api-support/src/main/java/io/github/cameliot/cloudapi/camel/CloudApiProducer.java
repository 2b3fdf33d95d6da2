package io.github.cameliot.cloudapi.camel;

import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls an API action asynchronously: the route's thread is released while the call is in flight, and the exchange
 * continues on the thread that receives the answer. A message the action cannot be built from fails the exchange
 * before anything is sent. Registers the component's readiness check where the producers' health check repository
 * is in use.
 */
public abstract class CloudApiProducer extends DefaultAsyncProducer {

    private WritableHealthCheckRepository healthCheckRepository;
    private HealthCheck healthCheck;

    protected CloudApiProducer(Endpoint endpoint) {
        super(endpoint);
    }

    /** The action the message asks for. */
    protected abstract ActionSpec action(Message message);

    /** Builds the call from the message (failing with an exception that names what is wrong) and starts it. */
    protected abstract CompletableFuture<ApiResult> call(Message message, ActionSpec action);

    /** Puts the result into the message. */
    protected abstract void answer(Message message, ActionSpec action, ApiResult result);

    /** Fails the route's start, not its first message, when the client cannot be built (region, credentials). */
    protected abstract void checkClient();

    /** The readiness check of this producer, or {@code null} for none. */
    protected abstract HealthCheck createHealthCheck();

    /** Whether the component enables producer health checks. */
    protected abstract boolean isHealthCheckEnabled();

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checkClient();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = createHealthCheck();
            if (healthCheck != null) {
                healthCheck.setEnabled(isHealthCheckEnabled());
                healthCheckRepository.addHealthCheck(healthCheck);
            }
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
        ActionSpec action;
        try {
            action = action(exchange.getMessage());
            call = call(exchange.getMessage(), action);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenComplete((result, error) -> {
            try {
                if (error != null) {
                    exchange.setException(Futures.cause(error));
                } else {
                    answer(exchange.getMessage(), action, result);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }
}
