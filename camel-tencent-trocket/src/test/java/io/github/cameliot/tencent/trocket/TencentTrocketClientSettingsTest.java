package io.github.cameliot.tencent.trocket;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.Json;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.SessionCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Option checks, and the access point and role keys looked up with the management API (a local HTTP server). */
class TencentTrocketClientSettingsTest {

    private static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

    private final MockWebServer api = new MockWebServer();
    private final CamelContext context = new DefaultCamelContext();

    @BeforeEach
    void start() throws Exception {
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String action = request.getHeaders().get("X-TC-Action");
                String body = switch (action) {
                    case "DescribeInstance" -> "{\"Response\":{\"InstanceId\":\"rmq-1\",\"EndpointList\":["
                                               + "{\"Type\":\"PUBLIC\",\"Status\":\"OPEN\",\"EndpointUrl\":\"rmq-1.public.example:8080\"},"
                                               + "{\"Type\":\"VPC\",\"Status\":\"CLOSE\",\"EndpointUrl\":\"10.0.0.1:8080\"},"
                                               + "{\"Type\":\"VPC\",\"Status\":\"OPEN\",\"EndpointUrl\":\"http://10.0.0.2:8081\"}],"
                                               + "\"RequestId\":\"r1\"}}";
                    case "DescribeRoleList" -> "{\"Response\":{\"TotalCount\":2,\"Data\":["
                                               + "{\"RoleName\":\"apps\",\"AccessKey\":\"AK-other\",\"SecretKey\":\"SK-other\"},"
                                               + "{\"RoleName\":\"app\",\"AccessKey\":\"AK-app\",\"SecretKey\":\"SK-app\"}],"
                                               + "\"RequestId\":\"r2\"}}";
                    default -> "{\"Response\":{\"Error\":{\"Code\":\"InvalidAction\",\"Message\":\"no\"},\"RequestId\":\"r3\"}}";
                };
                return new MockResponse.Builder().code(200).body(body).build();
            }
        });
        api.start();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        api.close();
    }

    private TencentTrocketEndpoint endpoint(String options) {
        return context.getEndpoint("tencent-trocket:topic:orders?region=ap-guangzhou&endpoint=http://127.0.0.1:"
                                   + api.getPort() + "&secretId=" + SECRET_ID + "&secretKey=" + SECRET_KEY + "&maxRetries=0&"
                                   + options, TencentTrocketEndpoint.class);
    }

    @Test
    void theVpcAccessPointAndTheRoleKeysComeFromTheApi() throws Exception {
        ClientConfiguration client = TencentTrocketClientSettings.clientConfiguration(endpoint("instanceId=rmq-1&role=app"));

        assertThat(client.getEndpoints()).isEqualTo("10.0.0.2:8081");
        assertThat(client.isSslEnabled()).isFalse();
        SessionCredentials credentials = client.getCredentialsProvider().orElseThrow().getSessionCredentials();
        assertThat(credentials.getAccessKey()).isEqualTo("AK-app");
        assertThat(credentials.getAccessSecret()).isEqualTo("SK-app");
        RecordedRequest describeInstance = api.takeRequest(5, TimeUnit.SECONDS);
        assertThat(describeInstance.getHeaders().get("X-TC-Action")).isEqualTo("DescribeInstance");
        assertThat(Json.readMap(describeInstance.getBody().utf8())).containsEntry("InstanceId", "rmq-1");
        RecordedRequest describeRoles = api.takeRequest(5, TimeUnit.SECONDS);
        assertThat(describeRoles.getHeaders().get("X-TC-Action")).isEqualTo("DescribeRoleList");
        Map<String, Object> roles = Json.readMap(describeRoles.getBody().utf8());
        assertThat(roles).containsEntry("InstanceId", "rmq-1").containsKey("Offset").containsKey("Limit");
        assertThat(roles.get("Filters").toString()).contains("RoleName").contains("app");
    }

    @Test
    void aPublicAccessPointUsesTls() {
        ClientConfiguration client = TencentTrocketClientSettings.clientConfiguration(
                endpoint("instanceId=rmq-1&endpointType=PUBLIC"));

        assertThat(client.getEndpoints()).isEqualTo("rmq-1.public.example:8080");
        assertThat(client.isSslEnabled()).isTrue();
        assertThat(client.getCredentialsProvider()).isEmpty();
    }

    @Test
    void theOptionsWinOverTheApi() {
        ClientConfiguration client = TencentTrocketClientSettings.clientConfiguration(endpoint(
                "instanceId=rmq-1&accessPoint=127.0.0.1:1&ssl=true&roleAccessKey=AK&roleSecretKey=SK&role=app"));

        assertThat(client.getEndpoints()).isEqualTo("127.0.0.1:1");
        assertThat(client.isSslEnabled()).isTrue();
        assertThat(client.getCredentialsProvider().orElseThrow().getSessionCredentials().getAccessKey()).isEqualTo("AK");
        assertThat(api.getRequestCount()).isZero();
    }

    @Test
    void anUnknownRoleOrAMissingAccessPointIsNamed() {
        assertThatThrownBy(() -> TencentTrocketClientSettings.clientConfiguration(endpoint("instanceId=rmq-1&role=nobody")))
                .hasMessageContaining("role").hasMessageContaining("nobody");
        assertThatThrownBy(() -> TencentTrocketClientSettings.clientConfiguration(
                endpoint("instanceId=rmq-1&endpointType=INTERNAL")))
                .hasMessageContaining("endpointType").hasMessageContaining("INTERNAL");
    }

    @Test
    void theRoleKeysAreSecret() {
        TencentTrocketEndpoint endpoint = endpoint("accessPoint=127.0.0.1:1&roleAccessKey=AK-secret&roleSecretKey=SK-secret");
        assertThat(endpoint.getEndpointUri()).doesNotContain("AK-secret").doesNotContain("SK-secret");
    }

    @Test
    void wrongOptionsStopTheRouteFromStartingWithTheOptionNamed() throws Exception {
        assertStartFails("tencent-trocket:topic:orders?accessPoint=127.0.0.1:1", "consumerGroup");
        assertStartFails("tencent-trocket:topic:orders?consumerGroup=g", "accessPoint");
        assertStartFails("tencent-trocket:topic:orders?accessPoint=127.0.0.1:1&consumerGroup=g&receiveBatchSize=64",
                "receiveBatchSize");
        assertStartFails("tencent-trocket:topic:orders?accessPoint=127.0.0.1:1&consumerGroup=g&filterExpressionType=XPATH",
                "filterExpressionType");
        assertStartFails("tencent-trocket:topic:orders?accessPoint=127.0.0.1:1&consumerGroup=g&maxMessagesInFlight=0",
                "maxMessagesInFlight");
        assertStartFails("tencent-trocket:topic:orders?accessPoint=127.0.0.1:1&consumerGroup=g&roleAccessKey=AK",
                "roleSecretKey");
        assertStartFails("tencent-trocket:topic:orders?accessPoint=127.0.0.1:1&consumerGroup=g&endpointType=LAN",
                "endpointType");
    }

    private void assertStartFails(String uri, String option) throws Exception {
        CamelContext routes = new DefaultCamelContext();
        try {
            routes.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:x");
                }
            });
            assertThatThrownBy(routes::start).as(uri).hasStackTraceContaining(option);
        } finally {
            routes.stop();
        }
    }
}
