package io.github.cameliot.tencent.trocket;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the YAML route that docs/tencent-trocket.md shows ({@code routes/trocket-create-topic.yaml};
 * {@link TencentTrocketDocsTest} keeps the doc's copy equal to it) against a local server standing in for the API.
 */
class TencentTrocketYamlDslTest {

    private static final String SECRET_ID = "AKIDyamltrocket0001";
    private static final String SECRET_KEY = "yaml-trocket-secret-key";

    private final MockWebServer server = new MockWebServer();
    private final CamelContext context = new DefaultCamelContext();

    @BeforeEach
    void startServer() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        server.close();
    }

    @Test
    void createsTheTopicOfTheBodyOnTheConfiguredInstance() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"Response\":{\"InstanceId\":\"rmq-72mo3a9o\",\"Topic\":\"orders\",\"RequestId\":\"r-1\"}}")
                .build());
        Properties properties = new Properties();
        properties.setProperty("rocketmq.instanceId", "rmq-72mo3a9o");
        properties.setProperty("tencent.endpoint", server.url("/").toString());
        properties.setProperty("tencent.secretId", SECRET_ID);
        properties.setProperty("tencent.secretKey", SECRET_KEY);
        startWithRoute(properties);

        Exchange reply = context.createProducerTemplate().request("direct:create-topic",
                exchange -> exchange.getMessage().setBody(Map.of("Topic", "orders", "TopicType", "NORMAL", "QueueNum", 3)));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(TencentTrocketConstants.REQUEST_ID)).isEqualTo("r-1");
        assertThat(reply.getMessage().getBody(Map.class)).containsEntry("Topic", "orders").containsEntry("InstanceId", "rmq-72mo3a9o");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("CreateTopic");
        assertThat(request.getHeaders().get("X-TC-Version")).isEqualTo("2023-03-08");
        assertThat(request.getHeaders().get("X-TC-Region")).isEqualTo("ap-guangzhou");
        Tc3Verifier.assertSigned(request, "trocket", SECRET_ID, SECRET_KEY);
        Map<String, Object> body = Json.readMap(request.getBody().utf8());
        assertThat(body).containsEntry("InstanceId", "rmq-72mo3a9o").containsEntry("Topic", "orders")
                .containsEntry("TopicType", "NORMAL");
        assertThat(body.get("QueueNum")).isInstanceOf(Number.class).hasToString("3");
        assertThat(context.getEndpoints()).isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.toString()).doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID));
    }

    @Test
    void optionalPlaceholdersThatAreNotSetLeaveTheOptionsOut() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("rocketmq.instanceId", "rmq-72mo3a9o");
        properties.setProperty("tencent.secretId", SECRET_ID);
        properties.setProperty("tencent.secretKey", SECRET_KEY);
        startWithRoute(properties);

        TencentTrocketEndpoint endpoint = context.getEndpoints().stream()
                .filter(TencentTrocketEndpoint.class::isInstance).map(TencentTrocketEndpoint.class::cast)
                .findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getEndpoint()).isNull();
        assertThat(endpoint.getConfiguration().getInstanceId()).isEqualTo("rmq-72mo3a9o");
        assertThat(endpoint.getServiceUrl()).startsWith("https://trocket.ap-guangzhou.tencentcloudapi.com");
        assertThat(server.getRequestCount()).isZero();
    }

    private void startWithRoute(Properties properties) throws Exception {
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveResource(context, "classpath:" + TencentTrocketDocsTest.CREATE_TOPIC_ROUTE));
        context.start();
    }
}
