package io.github.cameliot.tencent.iot;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's readiness check makes one authenticated call and reports the cloud's answer.
 */
class TencentIotHealthCheckTest {

    private static final String SECRET_ID = "AKIDhealth000000000000000000000000";
    private static final String SECRET_KEY = "healthSecretKey00000000000000000";

    private MockWebServer server;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        context = new DefaultCamelContext();
        HealthCheckHelper.getHealthCheckRepository(context, ProducersHealthCheckRepository.REPOSITORY_ID,
                ProducersHealthCheckRepository.class).setEnabled(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("tencent-iot:PublishMessage?region=ap-guangzhou&endpoint=http://127.0.0.1:"
                                          + server.getPort() + "&secretId=" + SECRET_ID + "&secretKey=" + SECRET_KEY
                                          + "&maxRetries=0");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.close();
    }

    @Test
    void upWhenTheCredentialsAreAccepted() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"Response\":{\"TotalCount\":0,\"Products\":[],\"RequestId\":\"h1\"}}").build());

        HealthCheck.Result result = producerCheck();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("DescribeProducts");
        assertThat(new ObjectMapper().readTree(request.getBody().utf8()).get("Limit").asInt()).isEqualTo(10);
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    @Test
    void downWithTheErrorCodeWhenTheKeyIsRefused() {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SecretIdNotFound\",\"Message\":\"no such key\"},"
                      + "\"RequestId\":\"h2\"}}").build());

        HealthCheck.Result result = producerCheck();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(AbstractHealthCheck.SERVICE_ERROR_CODE, "AuthFailure.SecretIdNotFound");
        assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message).doesNotContain(SECRET_KEY));
    }

    @Test
    void downWhenIotHubCannotBeReached() {
        server.close();

        HealthCheck.Result result = producerCheck();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry(AbstractHealthCheck.SERVICE_ERROR_CODE, "ConnectionFailure");
    }

    @Test
    void pollerIsNotReadyWhileItsPollsFail() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200)
                        .body("{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SecretIdNotFound\",\"Message\":\"no\"},"
                              + "\"RequestId\":\"h3\"}}").build();
            }
        });
        // Camel Main and the Spring Boot starter set this repository up; a bare context resolves it on request
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-iot:shadow?region=ap-guangzhou&endpoint=http://127.0.0.1:" + server.getPort() + "&secretId="
                     + SECRET_ID + "&secretKey=" + SECRET_KEY + "&productId=P1&deviceNames=dev1&delay=50&maxRetries=0")
                        .routeId("shadow-poller").to("log:shadow");
            }
        });
        HealthCheck.Result result = null;
        for (int i = 0; i < 100; i++) {
            result = HealthCheckHelper.invokeReadiness(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:shadow-poller")).findFirst().orElse(null);
            if (result != null && result.getError().isPresent()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(result).as("checks: %s", HealthCheckHelper.invokeReadiness(context).stream()
                .map(r -> r.getCheck().getId() + "=" + r.getState()).toList()).isNotNull();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getError()).hasValueSatisfying(
                error -> assertThat(error).hasMessageContaining("AuthFailure.SecretIdNotFound").hasMessageNotContaining(SECRET_KEY));
    }

    private HealthCheck.Result producerCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith("producer:tencent-iot-")).findFirst()
                .orElseThrow(() -> new AssertionError("no tencent-iot producer check in " + results));
    }
}
