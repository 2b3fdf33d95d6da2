package io.github.cameliot.tencent.iot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.CloudApiException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a producer: one cheap authenticated call (DescribeProducts with the smallest page) proves that the
 * endpoint reaches IoT Hub and that its credentials are accepted. DOWN carries the cloud's error code, such as
 * {@code AuthFailure.SecretIdNotFound}.
 */
public class TencentIotProducerHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final TencentIotEndpoint endpoint;

    public TencentIotProducerHealthCheck(TencentIotEndpoint endpoint, String id) {
        super("camel", "producer:tencent-iot-" + id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // a cloud outage or revoked key makes the route unready; restarting the application would not help
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ActionSpec describeProducts = endpoint.getCatalog().spec("DescribeProducts");
        Map<String, Object> smallestPage = new LinkedHashMap<>();
        smallestPage.put("Offset", 0);
        smallestPage.put("Limit", 10);
        try {
            endpoint.getClient().call(describeProducts, smallestPage).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            builder.up();
        } catch (ExecutionException e) {
            builder.down().error(e.getCause());
            if (e.getCause() instanceof CloudApiException failure) {
                builder.detail(SERVICE_ERROR_CODE, failure.getErrorCode());
                builder.detail(SERVICE_STATUS_CODE, failure.getHttpStatus());
                builder.message(failure.getMessage());
            }
        } catch (TimeoutException e) {
            builder.down().message("IoT Hub did not answer within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().error(e);
        } catch (RuntimeException e) {
            builder.down().error(e);
        }
    }
}
