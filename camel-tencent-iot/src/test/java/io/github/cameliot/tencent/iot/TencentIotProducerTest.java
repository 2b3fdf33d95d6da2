package io.github.cameliot.tencent.iot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.LogCapture;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's behaviour on the wire: conveniences, errors, retries and secrecy, against a local server that
 * answers as IoT Hub does.
 */
class TencentIotProducerTest {

    static final String SECRET_ID = "AKIDprodtest0000000000000000000000";
    static final String SECRET_KEY = "prodTestSecretKey000000000000000";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MockWebServer server;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        server.close();
    }

    private String uri(String action, String options) {
        return "tencent-iot:" + action + "?region=ap-guangzhou&endpoint=http://127.0.0.1:" + server.getPort()
               + "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY + ")&retryInitialDelay=1&retryMaxDelay=5"
               + (options.isEmpty() ? "" : "&" + options);
    }

    private void answer(String responseFields) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"Response\":{" + responseFields + "}}").build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request sent").isNotNull();
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
        return request;
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return MAPPER.readTree(request.getBody().utf8());
    }

    @Test
    void publishMessageSendsTextPayloadWithTopicAndQosFromHeaders() throws Exception {
        answer("\"RequestId\":\"req-1\"");
        Exchange out = template.request(uri("PublishMessage", "productId=P1&deviceName=dev1"), exchange -> {
            exchange.getIn().setBody("{\"temp\":21}");
            exchange.getIn().setHeader(TencentIotConstants.TOPIC, "P1/dev1/control");
            exchange.getIn().setHeader(TencentIotConstants.QOS, "1");
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(TencentIotConstants.REQUEST_ID)).isEqualTo("req-1");
        RecordedRequest request = take();
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("PublishMessage");
        assertThat(body(request)).isEqualTo(MAPPER.readTree(
                "{\"Payload\":\"{\\\"temp\\\":21}\",\"ProductId\":\"P1\",\"DeviceName\":\"dev1\",\"Topic\":\"P1/dev1/control\",\"Qos\":1}"));
    }

    @Test
    void publishMessageBase64EncodesBytes() throws Exception {
        answer("\"RequestId\":\"req-2\"");
        byte[] payload = { 0, 1, 2, (byte) 0xff };
        Exchange out = template.request(uri("PublishMessage", "productId=P1&deviceName=dev1&topic=P1/dev1/data&qos=0"),
                exchange -> exchange.getIn().setBody(payload));
        assertThat(out.getException()).isNull();
        JsonNode sent = body(take());
        assertThat(sent.get("Payload").asText()).isEqualTo("AAEC/w==");
        assertThat(sent.get("PayloadEncoding").asText()).isEqualTo("base64");
        assertThat(sent.get("Qos").asInt()).isZero();
    }

    @Test
    void rrpcReturnsTheDecodedReply() throws Exception {
        answer("\"MessageId\":74,\"PayloadBase64\":\"QUJDRA==\",\"RequestId\":\"req-3\"");
        Exchange out = template.request(uri("PublishRRPCMessage", "productId=P1&deviceName=dev1"),
                exchange -> exchange.getIn().setBody("1234561"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("ABCD");
        assertThat(out.getMessage().getHeader(TencentIotConstants.MESSAGE_ID)).isEqualTo(74L);
        assertThat(body(take()).get("Payload").asText()).isEqualTo("1234561");
    }

    @Test
    void errorInsideResponseBecomesTheException() throws Exception {
        answer("\"Error\":{\"Code\":\"ResourceNotFound.DeviceNotExist\",\"Message\":\"device not exists\"},\"RequestId\":\"req-e\"");
        Exchange out = template.request(uri("DescribeDevice", "productId=P1&deviceName=ghost"), exchange -> {
        });
        assertThat(out.getException()).isInstanceOf(TencentCloudApiException.class);
        TencentCloudApiException e = (TencentCloudApiException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound.DeviceNotExist");
        assertThat(e.getErrorMessage()).isEqualTo("device not exists");
        assertThat(e.getRequestId()).isEqualTo("req-e");
        assertThat(e.getAction()).isEqualTo("DescribeDevice");
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedEvenForAnActionThatIsNotIdempotent() throws Exception {
        answer("\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow down\"},\"RequestId\":\"req-t1\"");
        answer("\"RequestId\":\"req-t2\"");
        Exchange out = template.request(uri("PublishMessage", "productId=P1&deviceName=dev1&topic=P1/dev1/control"),
                exchange -> exchange.getIn().setBody("hi"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(TencentIotConstants.REQUEST_ID)).isEqualTo("req-t2");
        assertThat(server.getRequestCount()).isEqualTo(2);
        take();
        take();
    }

    @Test
    void internalErrorIsRetriedForAnIdempotentAction() throws Exception {
        answer("\"Error\":{\"Code\":\"InternalError\",\"Message\":\"oops\"},\"RequestId\":\"req-i1\"");
        answer("\"DeviceName\":\"dev1\",\"Online\":1,\"RequestId\":\"req-i2\"");
        Exchange out = template.request(uri("DescribeDevice", "productId=P1&deviceName=dev1"), exchange -> {
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("Online", 1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void internalErrorIsNotRetriedForAnActionThatIsNotIdempotent() throws Exception {
        answer("\"Error\":{\"Code\":\"InternalError\",\"Message\":\"oops\"},\"RequestId\":\"req-c1\"");
        Exchange out = template.request(uri("CreateDevice", "productId=P1&deviceName=dev1"), exchange -> {
        });
        assertThat(out.getException()).isInstanceOf(TencentCloudApiException.class);
        assertThat(((TencentCloudApiException) out.getException()).getErrorCode()).isEqualTo("InternalError");
        Thread.sleep(50);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutOfAnActionThatIsNotIdempotentIsNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body("{\"Response\":{\"RequestId\":\"late\"}}").build());
        answer("\"RequestId\":\"second\"");
        Exchange out = template.request(uri("PublishMessage", "productId=P1&deviceName=dev1&topic=P1/dev1/control&readTimeout=300"),
                exchange -> exchange.getIn().setBody("once"));
        assertThat(out.getException()).isInstanceOf(TencentCloudApiException.class);
        TencentCloudApiException e = (TencentCloudApiException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo("RequestTimeout");
        assertThat(e.isNotExecuted()).isFalse();
        Thread.sleep(100);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingRequiredParameterFailsBeforeAnyRequest() {
        Exchange out = template.request(uri("CreateDevice", "productId=P1"), exchange -> {
        });
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CreateDevice: missing required parameter DeviceName");
        Exchange publish = template.request(uri("PublishMessage", ""), exchange -> {
        });
        assertThat(publish.getException()).hasMessage("PublishMessage: missing required parameters Topic, Payload, ProductId, DeviceName");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void paginateFetchesEveryPage() throws Exception {
        answer("\"TotalCount\":5,\"Devices\":[{\"DeviceName\":\"d0\"},{\"DeviceName\":\"d1\"}],\"RequestId\":\"p1\"");
        answer("\"TotalCount\":5,\"Devices\":[{\"DeviceName\":\"d2\"},{\"DeviceName\":\"d3\"}],\"RequestId\":\"p2\"");
        answer("\"TotalCount\":5,\"Devices\":[{\"DeviceName\":\"d4\"}],\"RequestId\":\"p3\"");
        Exchange out = template.request(uri("DescribeDevices", "productId=P1&paginate=true"),
                exchange -> exchange.getIn().setBody(Map.of("Limit", 2)));
        assertThat(out.getException()).isNull();
        List<?> devices = (List<?>) out.getMessage().getBody(Map.class).get("Devices");
        assertThat(devices.stream().map(d -> (Object) ((Map<?, ?>) d).get("DeviceName")).toList()).containsExactly("d0", "d1", "d2", "d3", "d4");
        for (int offset : new int[] { 0, 2, 4 }) {
            JsonNode sent = body(take());
            assertThat(sent.get("Offset").asInt()).isEqualTo(offset);
            assertThat(sent.get("Limit").asInt()).isEqualTo(2);
            assertThat(sent.get("ProductId").asText()).isEqualTo("P1");
        }
    }

    @Test
    void listActionWithoutPaginateAsksForTheLargestPage() throws Exception {
        answer("\"TotalCount\":0,\"Products\":[],\"RequestId\":\"l1\"");
        Exchange out = template.request(uri("DescribeProducts", "productId=ignored"), exchange -> {
        });
        assertThat(out.getException()).isNull();
        assertThat(body(take())).isEqualTo(MAPPER.readTree("{\"Offset\":0,\"Limit\":250}"));
    }

    @Test
    void optionsFillRequiredParametersButNeverNarrowAListWithAnOptionalFilter() throws Exception {
        answer("\"TotalCount\":0,\"Devices\":[],\"RequestId\":\"f1\"");
        Exchange out = template.request(uri("DescribeDevices", "productId=P1&deviceName=dev1"), exchange -> {
        });
        assertThat(out.getException()).isNull();
        assertThat(body(take())).isEqualTo(MAPPER.readTree("{\"ProductId\":\"P1\",\"Offset\":0,\"Limit\":250}"));
    }

    @Test
    void shadowAutoVersionReadsTheVersionAndRetriesOnceOnConflict() throws Exception {
        String shadowV5 = "{\\\"payload\\\":{\\\"state\\\":{},\\\"version\\\":5},\\\"result\\\":0,\\\"type\\\":\\\"get\\\"}";
        String shadowV6 = shadowV5.replace("5}", "6}");
        String updated = shadowV5.replace("5}", "7}").replace("get", "update");
        answer("\"Data\":\"" + shadowV5 + "\",\"RequestId\":\"s1\"");
        answer("\"Error\":{\"Code\":\"FailedOperation.UpdateVersionNotMatch\",\"Message\":\"version\"},\"RequestId\":\"s2\"");
        answer("\"Data\":\"" + shadowV6 + "\",\"RequestId\":\"s3\"");
        answer("\"Data\":\"" + updated + "\",\"RequestId\":\"s4\"");
        Exchange out = template.request(uri("UpdateDeviceShadow", "productId=P1&deviceName=dev1&shadowAutoVersion=true"),
                exchange -> exchange.getIn().setBody(Map.of("State", Map.of("desired", Map.of("color", "red")))));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(TencentIotConstants.SHADOW_VERSION)).isEqualTo(7L);

        assertThat(take().getHeaders().get("X-TC-Action")).isEqualTo("DescribeDeviceShadow");
        JsonNode first = body(take());
        assertThat(first.get("ShadowVersion").asLong()).isEqualTo(5);
        assertThat(first.get("State").asText()).isEqualTo("{\"desired\":{\"color\":\"red\"}}");
        assertThat(take().getHeaders().get("X-TC-Action")).isEqualTo("DescribeDeviceShadow");
        assertThat(body(take()).get("ShadowVersion").asLong()).isEqualTo(6);
    }

    @Test
    void versionConflictWithoutAutoVersionIsTheUsersToHandle() throws Exception {
        answer("\"Error\":{\"Code\":\"FailedOperation.UpdateVersionNotMatch\",\"Message\":\"version\"},\"RequestId\":\"v1\"");
        Exchange out = template.request(uri("UpdateDeviceShadow", "productId=P1&deviceName=dev1"), exchange -> {
            exchange.getIn().setBody("{\"State\":\"{\\\"desired\\\":{}}\"}");
            exchange.getIn().setHeader(TencentIotConstants.SHADOW_VERSION, 3);
        });
        assertThat(((TencentCloudApiException) out.getException()).getErrorCode()).isEqualTo("FailedOperation.UpdateVersionNotMatch");
        assertThat(body(take()).get("ShadowVersion").asLong()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void undocumentedActionIsCallableByNameAndTheHeaderOverridesTheUriAction() throws Exception {
        answer("\"TotalCount\":0,\"Rules\":[],\"RequestId\":\"u1\"");
        Exchange out = template.request(uri("DescribeDevice", "productId=P1"), exchange -> {
            exchange.getIn().setHeader(TencentIotConstants.OPERATION, "ListTopicRules");
            exchange.getIn().setBody(Map.of("PageNum", 1, "PageSize", 10));
        });
        assertThat(out.getException()).isNull();
        RecordedRequest request = take();
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("ListTopicRules");
        assertThat(body(request)).isEqualTo(MAPPER.readTree("{\"PageNum\":1,\"PageSize\":10}"));
    }

    @Test
    void sessionTokenAndLanguageAreSent() throws Exception {
        answer("\"RequestId\":\"t1\"");
        Exchange out = template.request(uri("DescribeProduct", "productId=P1&sessionToken=RAW(sts-token-value)&language=en-US"),
                exchange -> {
                });
        assertThat(out.getException()).isNull();
        RecordedRequest request = take();
        assertThat(request.getHeaders().get("X-TC-Token")).isEqualTo("sts-token-value");
        assertThat(request.getHeaders().get("X-TC-Language")).isEqualTo("en-US");
    }

    @Test
    void secretsConfiguredOnTheComponentAppearInNoLogLineOrException() throws Exception {
        TencentIotComponent component = context.getComponent("tencent-iot", TencentIotComponent.class);
        component.getConfiguration().setSecretId(SECRET_ID);
        component.getConfiguration().setSecretKey(SECRET_KEY);
        component.getConfiguration().setSessionToken("sts-secret-token");
        String base = "tencent-iot:DescribeDevice?region=ap-guangzhou&endpoint=http://127.0.0.1:" + server.getPort()
                      + "&retryInitialDelay=1&retryMaxDelay=5&productId=P1";
        try (LogCapture logs = LogCapture.start()) {
            answer("\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow\"},\"RequestId\":\"x1\"");
            answer("\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"bad signature\"},\"RequestId\":\"x2\"");
            Exchange failed = template.request(base + "&deviceName=dev1", exchange -> {
            });
            Exchange missing = template.request(base, exchange -> {
            });
            server.close();
            Exchange refused = template.request(base + "&deviceName=dev1&maxRetries=1", exchange -> {
            });

            String everything = String.join("\n", logs.lines()) + "\n" + failed.getException() + "\n"
                                + missing.getException() + "\n" + refused.getException();
            assertThat(logs.lines()).anyMatch(line -> line.contains("RequestLimitExceeded"));
            assertThat(everything).contains("AuthFailure.SignatureFailure", "missing required parameter DeviceName",
                    "ConnectionFailure");
            assertThat(everything).doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID).doesNotContain("sts-secret-token");
        }
    }

    @Test
    void secretsInTheUriAreMaskedInEndpointUrisAndNeverLoggedByTheComponent() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            answer("\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow\"},\"RequestId\":\"y1\"");
            answer("\"RequestId\":\"y2\"");
            Exchange out = template.request(uri("DescribeDevice", "productId=P1&deviceName=dev1&sessionToken=RAW(sts-secret-token)"),
                    exchange -> {
                    });
            assertThat(out.getException()).isNull();
            StringBuilder uris = new StringBuilder();
            context.getEndpoints().forEach(endpoint -> uris.append(endpoint).append(' ').append(endpoint.getEndpointUri())
                    .append(' ').append(endpoint.getEndpointBaseUri()));
            assertThat(uris.toString()).contains("tencent-iot://DescribeDevice").doesNotContain(SECRET_KEY)
                    .doesNotContain("sts-secret-token");
            // Camel core traces endpoint URIs as written; the component's own log lines never carry a secret
            assertThat(logs.lines()).filteredOn(line -> line.contains("DescribeDevice failed")).isNotEmpty()
                    .noneMatch(line -> line.contains(SECRET_KEY) || line.contains("sts-secret-token"));
        }
    }

    @Test
    void endpointsThatDifferOnlyInTheirKeysAreDistinctAndSignWithTheirOwn() throws Exception {
        String otherKey = "anotherTestSecretKey000000000000";
        answer("\"RequestId\":\"k1\"");
        answer("\"RequestId\":\"k2\"");
        String first = uri("DescribeDevice", "productId=P1&deviceName=dev1");
        String second = first.replace(SECRET_KEY, otherKey);
        assertThat(template.request(first, exchange -> {
        }).getException()).isNull();
        assertThat(template.request(second, exchange -> {
        }).getException()).isNull();

        assertThat(context.getEndpoint(first).getEndpointUri()).isEqualTo(context.getEndpoint(second).getEndpointUri());
        assertThat(context.getEndpoint(first)).isNotEqualTo(context.getEndpoint(second));
        take();
        RecordedRequest signedWithTheOther = server.takeRequest(5, TimeUnit.SECONDS);
        Tc3Verifier.assertSigned(signedWithTheOther, "iotcloud", SECRET_ID, otherKey);
    }

    @Test
    void paramsFromAPojoAndAJsonString() throws Exception {
        answer("\"RequestId\":\"j1\"");
        answer("\"RequestId\":\"j2\"");
        Exchange pojo = template.request(uri("UpdateDeviceLogLevel", "productId=P1"),
                exchange -> exchange.getIn().setBody(new LogLevel("dev9", 4)));
        Exchange json = template.request(uri("DeleteProduct", ""),
                exchange -> exchange.getIn().setBody("{\"ProductId\":\"P2\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(pojo.getException()).isNull();
        assertThat(json.getException()).isNull();
        assertThat(body(take())).isEqualTo(MAPPER.readTree("{\"DeviceName\":\"dev9\",\"LogLevel\":4,\"ProductId\":\"P1\"}"));
        assertThat(body(take())).isEqualTo(MAPPER.readTree("{\"ProductId\":\"P2\"}"));
    }

    /** A POJO with the API's parameter names. */
    public record LogLevel(@com.fasterxml.jackson.annotation.JsonProperty("DeviceName") String deviceName,
                           @com.fasterxml.jackson.annotation.JsonProperty("LogLevel") int logLevel) {
    }
}
