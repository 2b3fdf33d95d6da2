package io.github.cameliot.aliyun.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.test.AliyunRpcVerifier;
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

/**
 * Runs the YAML DSL route {@code routes/aliyun-pub.yaml}, which publishes with {@code aliyun-iot:Pub}, against a local
 * server standing in for the IoT Platform API.
 */
class AliyunIotYamlDslTest {

    static final String PUB_ROUTE = "routes/aliyun-pub.yaml";
    private static final String ACCESS_KEY_ID = "LTAI5tYamlTestKey0000";
    private static final String ACCESS_KEY_SECRET = "YamlTestAccessKeySecret000000";

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
    void publishesTheBodyBase64EncodedToTheConfiguredTopic() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"RequestId\":\"r-1\",\"Success\":true,\"MessageId\":889455942124347329}")
                .build());
        Properties properties = deviceProperties();
        properties.setProperty("aliyun.endpoint", server.url("/").toString());
        properties.setProperty("aliyun.accessKeyId", ACCESS_KEY_ID);
        properties.setProperty("aliyun.accessKeySecret", ACCESS_KEY_SECRET);
        startWithRoute(properties);

        String payload = "{\"color\":\"red\"}";
        Exchange reply = context.createProducerTemplate()
                .request("direct:publish-command", exchange -> exchange.getMessage().setBody(payload));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("r-1");
        assertThat(reply.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).isEqualTo("889455942124347329");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        Map<String, String> own = AliyunRpcVerifier.verify(request, AliyunIotActions.VERSION, ACCESS_KEY_SECRET);
        assertThat(AliyunRpcVerifier.parameters(request)).containsEntry("Action", "Pub").containsEntry("RegionId", "cn-shanghai")
                .containsEntry("AccessKeyId", ACCESS_KEY_ID);
        assertThat(own).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ProductKey", "a1Yaml",
                "TopicFullName", "/a1Yaml/dev1/user/get",
                "MessageContent", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                "Qos", "1"));
        assertThat(context.getEndpoints()).isNotEmpty()
                .allSatisfy(endpoint -> assertThat(endpoint.getEndpointUri()).doesNotContain(ACCESS_KEY_SECRET));
    }

    @Test
    void optionalPlaceholdersThatAreNotSetLeaveTheOptionsOut() throws Exception {
        Properties properties = deviceProperties();
        properties.setProperty("aliyun.accessKeyId", ACCESS_KEY_ID);
        properties.setProperty("aliyun.accessKeySecret", ACCESS_KEY_SECRET);
        startWithRoute(properties);

        AliyunIotEndpoint endpoint = context.getEndpoints().stream()
                .filter(AliyunIotEndpoint.class::isInstance).map(AliyunIotEndpoint.class::cast)
                .findFirst().orElseThrow();
        assertThat(endpoint.getAction()).isEqualTo("Pub");
        assertThat(endpoint.getConfiguration().getEndpoint()).isNull();
        assertThat(endpoint.getConfiguration().getQos()).isEqualTo(1);
        assertThat(endpoint.getServiceUrl()).isEqualTo("https://iot.cn-shanghai.aliyuncs.com/");
        assertThat(server.getRequestCount()).isZero();
    }

    private static Properties deviceProperties() {
        Properties properties = new Properties();
        properties.setProperty("iot.productKey", "a1Yaml");
        properties.setProperty("iot.deviceName", "dev1");
        return properties;
    }

    private void startWithRoute(Properties properties) throws Exception {
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "classpath:" + PUB_ROUTE));
        context.start();
    }
}
