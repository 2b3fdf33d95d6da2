package io.github.cameliot.tencent.iot;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.Json;
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
 * Runs the YAML route that docs/tencent-iot.md shows ({@code routes/publish.yaml}; {@link TencentIotDocsTest} keeps
 * the doc's copy equal to it) against a local server standing in for the IoT Hub API.
 */
class TencentIotYamlDslTest {

    private static final String SECRET_ID = "AKIDyamltest0001";
    private static final String SECRET_KEY = "yaml-test-secret-key";

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
    void publishesTheBodyToTheConfiguredTopic() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"Response\":{\"RequestId\":\"r-1\"}}")
                .build());
        Properties properties = deviceProperties();
        properties.setProperty("tencent.endpoint", server.url("/").toString());
        properties.setProperty("tencent.secretId", SECRET_ID);
        properties.setProperty("tencent.secretKey", SECRET_KEY);
        startWithRoute(properties);

        Exchange reply = context.createProducerTemplate()
                .request("direct:publish-command", exchange -> exchange.getMessage().setBody("{\"color\":\"red\"}"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(TencentIotConstants.REQUEST_ID)).isEqualTo("r-1");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("PublishMessage");
        assertThat(request.getHeaders().get("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(request.getHeaders().get("Authorization")).startsWith("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/");
        Map<String, Object> body = Json.readMap(request.getBody().utf8());
        assertThat(body).containsEntry("Topic", "ABCDE12345/dev1/control")
                .containsEntry("Payload", "{\"color\":\"red\"}")
                .containsEntry("ProductId", "ABCDE12345")
                .containsEntry("DeviceName", "dev1")
                .doesNotContainKey("PayloadEncoding");
        assertThat(body.get("Qos")).isInstanceOf(Number.class).hasToString("1");
        assertThat(context.getEndpoints()).isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.toString()).doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID));
    }

    @Test
    void optionalPlaceholdersThatAreNotSetLeaveTheOptionsOut() throws Exception {
        Properties properties = deviceProperties();
        properties.setProperty("tencent.secretId", SECRET_ID);
        properties.setProperty("tencent.secretKey", SECRET_KEY);
        startWithRoute(properties);

        TencentIotEndpoint endpoint = context.getEndpoints().stream()
                .filter(TencentIotEndpoint.class::isInstance).map(TencentIotEndpoint.class::cast)
                .findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getEndpoint()).isNull();
        assertThat(endpoint.getServiceUrl()).startsWith("https://iotcloud.ap-guangzhou.tencentcloudapi.com");
        assertThat(server.getRequestCount()).isZero();
    }

    private static Properties deviceProperties() {
        Properties properties = new Properties();
        properties.setProperty("iot.productId", "ABCDE12345");
        properties.setProperty("iot.deviceName", "dev1");
        return properties;
    }

    private void startWithRoute(Properties properties) throws Exception {
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveResource(context, "classpath:" + TencentIotDocsTest.PUBLISH_ROUTE));
        context.start();
    }
}
