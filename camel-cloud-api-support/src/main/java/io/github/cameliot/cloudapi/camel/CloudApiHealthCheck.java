package io.github.cameliot.cloudapi.camel;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.cameliot.cloudapi.CloudApiException;
import io.github.cameliot.cloudapi.Futures;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a producer: one cheap authenticated call proves that the endpoint reaches the cloud and that its
 * credentials are accepted. DOWN carries the cloud's error code, such as {@code AuthFailure.SecretIdNotFound}.
 */
public class CloudApiHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final String service;
    private final Supplier<CompletableFuture<?>> probe;

    /**
     * @param id      the check's id, such as {@code producer:tencent-iot-ENDPOINT}
     * @param service the cloud service, named in the message when it does not answer in time
     * @param probe   starts the cheap call
     */
    public CloudApiHealthCheck(String id, String service, Supplier<CompletableFuture<?>> probe) {
        super("camel", id);
        this.service = service;
        this.probe = probe;
    }

    @Override
    public boolean isLiveness() {
        // a cloud outage or revoked key makes the route unready; restarting the application would not help
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            probe.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            builder.up();
        } catch (ExecutionException e) {
            Throwable cause = Futures.cause(e);
            builder.down().error(cause);
            if (cause instanceof CloudApiException failure) {
                builder.detail(SERVICE_ERROR_CODE, failure.getErrorCode());
                builder.detail(SERVICE_STATUS_CODE, failure.getHttpStatus());
                builder.message(failure.getMessage());
            }
        } catch (TimeoutException e) {
            builder.down().message(service + " did not answer within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().error(e);
        } catch (RuntimeException e) {
            builder.down().error(e);
        }
    }
}
