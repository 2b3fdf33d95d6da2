package io.github.cameliot.tencent.trocket;

import java.util.LinkedHashMap;
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
 * The management producer's behaviour on the wire: request conveniences (Filters, InstanceId, paging), errors,
 * retries and secrecy, against a local server that answers as the trocket API does.
 */
class TencentTrocketProducerTest {

    static final String SECRET_ID = "AKIDtrocketProdTest000000000000000000";
    static final String SECRET_KEY = "trocketProdSecretKey000000000000";
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
        return "tencent-trocket:" + action + "?region=ap-guangzhou&endpoint=http://127.0.0.1:" + server.getPort()
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
        Tc3Verifier.assertSigned(request, "trocket", SECRET_ID, SECRET_KEY);
        return request;
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return MAPPER.readTree(request.getBody().utf8());
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void filtersGivenAsAMapBecomeTheApisFilterList() throws Exception {
        answer("\"TotalCount\":0,\"Data\":[],\"RequestId\":\"f1\"");
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("TopicName", "abc");
        filters.put("TopicType", List.of("Normal", "Order"));
        Exchange out = template.request(uri("DescribeTopicList", "instanceId=rmq-72mo3a9o"),
                exchange -> exchange.getIn().setBody(Map.of("Filters", filters)));
        assertThat(out.getException()).isNull();
        assertThat(body(take())).isEqualTo(json("{\"Filters\":[{\"Name\":\"TopicName\",\"Values\":[\"abc\"]},"
                                                + "{\"Name\":\"TopicType\",\"Values\":[\"Normal\",\"Order\"]}],"
                                                + "\"InstanceId\":\"rmq-72mo3a9o\",\"Offset\":0,\"Limit\":100}"));
    }

    @Test
    void filtersInTheApisFormPassAsTheyAreAndValuesBecomeText() throws Exception {
        answer("\"TotalCount\":0,\"Data\":[],\"RequestId\":\"f2\"");
        answer("\"TotalCount\":0,\"Data\":[],\"RequestId\":\"f3\"");
        Exchange listForm = template.request(uri("DescribeConsumerGroupList", "instanceId=rmq-1"), exchange -> exchange.getIn()
                .setBody("{\"Filters\":[{\"Name\":\"ConsumerGroupName\",\"Values\":[\"group\"]},"
                         + "{\"Name\":\"ConsumeMessageOrderly\",\"Values\":true}],\"Offset\":0,\"Limit\":10}"));
        Exchange jsonText = template.request(uri("DescribeInstanceList", ""), exchange -> exchange.getIn().setBody(Map.of(
                "Filters", "[{\"Name\":\"InstanceId\",\"Values\":[\"rmq-1\"]}]", "TagFilters", Map.of("env", "prod"))));
        assertThat(listForm.getException()).isNull();
        assertThat(jsonText.getException()).isNull();
        assertThat(body(take())).isEqualTo(json("{\"Filters\":[{\"Name\":\"ConsumerGroupName\",\"Values\":[\"group\"]},"
                                                + "{\"Name\":\"ConsumeMessageOrderly\",\"Values\":[\"true\"]}],"
                                                + "\"Offset\":0,\"Limit\":10,\"InstanceId\":\"rmq-1\"}"));
        assertThat(body(take())).isEqualTo(json("{\"Filters\":[{\"Name\":\"InstanceId\",\"Values\":[\"rmq-1\"]}],"
                                                + "\"TagFilters\":[{\"TagKey\":\"env\",\"TagValues\":[\"prod\"]}],"
                                                + "\"Offset\":0,\"Limit\":100}"));
    }

    @Test
    void filtersOfAnotherShapeAreRejectedBeforeAnyRequest() {
        Exchange out = template.request(uri("DescribeTopicList", "instanceId=rmq-1"),
                exchange -> exchange.getIn().setBody(Map.of("Filters", 42)));
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DescribeTopicList: Filters must be");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void instanceIdComesFromTheOptionAndTheHeaderOverridesIt() throws Exception {
        answer("\"InstanceId\":\"rmq-option\",\"Topic\":\"t\",\"RequestId\":\"i1\"");
        answer("\"InstanceId\":\"rmq-header\",\"Topic\":\"t\",\"RequestId\":\"i2\"");
        answer("\"InstanceId\":\"rmq-body\",\"Topic\":\"t\",\"RequestId\":\"i3\"");
        Map<String, Object> topic = Map.of("Topic", "t", "TopicType", "NORMAL", "QueueNum", 3);
        String uri = uri("CreateTopic", "instanceId=rmq-option");
        template.request(uri, exchange -> exchange.getIn().setBody(topic));
        template.request(uri, exchange -> {
            exchange.getIn().setBody(topic);
            exchange.getIn().setHeader(TencentTrocketConstants.INSTANCE_ID, "rmq-header");
        });
        Exchange fromBody = template.request(uri, exchange -> {
            Map<String, Object> withInstance = new LinkedHashMap<>(topic);
            withInstance.put("InstanceId", "rmq-body");
            exchange.getIn().setBody(withInstance);
            exchange.getIn().setHeader(TencentTrocketConstants.INSTANCE_ID, "rmq-header");
        });
        assertThat(fromBody.getException()).isNull();
        assertThat(fromBody.getMessage().getHeader(TencentTrocketConstants.REQUEST_ID)).isEqualTo("i3");
        assertThat(body(take()).get("InstanceId").asText()).isEqualTo("rmq-option");
        assertThat(body(take()).get("InstanceId").asText()).isEqualTo("rmq-header");
        assertThat(body(take()).get("InstanceId").asText()).isEqualTo("rmq-body");
    }

    @Test
    void instanceIdIsNotAddedToActionsThatDoNotTakeIt() throws Exception {
        answer("\"TotalCount\":0,\"Data\":[],\"RequestId\":\"n1\"");
        Exchange out = template.request(uri("DescribeInstanceList", "instanceId=rmq-1"), exchange -> {
        });
        assertThat(out.getException()).isNull();
        assertThat(body(take())).isEqualTo(json("{\"Offset\":0,\"Limit\":100}"));
    }

    @Test
    void paginateFetchesEveryPage() throws Exception {
        answer("\"TotalCount\":5,\"Data\":[{\"Topic\":\"t0\"},{\"Topic\":\"t1\"}],\"RequestId\":\"p1\"");
        answer("\"TotalCount\":5,\"Data\":[{\"Topic\":\"t2\"},{\"Topic\":\"t3\"}],\"RequestId\":\"p2\"");
        answer("\"TotalCount\":5,\"Data\":[{\"Topic\":\"t4\"}],\"RequestId\":\"p3\"");
        Exchange out = template.request(uri("DescribeTopicList", "instanceId=rmq-1&paginate=true"),
                exchange -> exchange.getIn().setBody(Map.of("Limit", 2, "Filters", Map.of("TopicName", "t"))));
        assertThat(out.getException()).isNull();
        Map<?, ?> answer = out.getMessage().getBody(Map.class);
        List<?> topics = (List<?>) answer.get("Data");
        assertThat(topics.stream().map(t -> (Object) ((Map<?, ?>) t).get("Topic")).toList())
                .containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(answer.get("TotalCount")).isEqualTo(5);
        assertThat(out.getMessage().getHeader(TencentTrocketConstants.REQUEST_ID)).isEqualTo("p3");
        for (int offset : new int[] { 0, 2, 4 }) {
            JsonNode sent = body(take());
            assertThat(sent.get("Offset").asInt()).isEqualTo(offset);
            assertThat(sent.get("Limit").asInt()).isEqualTo(2);
            assertThat(sent.get("InstanceId").asText()).isEqualTo("rmq-1");
            assertThat(sent.get("Filters")).isEqualTo(json("[{\"Name\":\"TopicName\",\"Values\":[\"t\"]}]"));
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void paginateKeepsTheQueryTaskOfTheMqttMessageList() throws Exception {
        answer("\"TotalCount\":3,\"Data\":[{\"MsgId\":\"m0\"},{\"MsgId\":\"m1\"}],\"TaskRequestId\":\"task-1\",\"RequestId\":\"q1\"");
        answer("\"TotalCount\":3,\"Data\":[{\"MsgId\":\"m2\"}],\"TaskRequestId\":\"task-1\",\"RequestId\":\"q2\"");
        Exchange out = template.request(uri("DescribeMQTTMessageList", "instanceId=mqtt-1&paginate=true"), exchange -> exchange
                .getIn().setBody(Map.of("Topic", "home", "StartTime", 1705373755266L, "EndTime", 1705632955266L, "Limit", 2)));
        assertThat(out.getException()).isNull();
        List<?> messages = (List<?>) out.getMessage().getBody(Map.class).get("Data");
        assertThat(messages).hasSize(3);
        JsonNode first = body(take());
        assertThat(first.get("TaskRequestId").asText()).isEmpty();
        assertThat(first.get("InstanceId").asText()).isEqualTo("mqtt-1");
        JsonNode second = body(take());
        assertThat(second.get("TaskRequestId").asText()).isEqualTo("task-1");
        assertThat(second.get("Offset").asInt()).isEqualTo(2);
    }

    @Test
    void missingRequiredParametersAreRejectedBeforeAnyRequest() {
        Exchange noInstance = template.request(uri("CreateTopic", ""),
                exchange -> exchange.getIn().setBody(Map.of("Topic", "t", "TopicType", "NORMAL", "QueueNum", 3)));
        assertThat(noInstance.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CreateTopic: missing required parameter InstanceId");
        Exchange several = template.request(uri("CreateConsumerGroup", "instanceId=rmq-1"),
                exchange -> exchange.getIn().setBody(Map.of("ConsumerGroup", "g")));
        assertThat(several.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CreateConsumerGroup: missing required parameters MaxRetryTimes, ConsumeEnable, ConsumeMessageOrderly");
        Exchange blank = template.request(uri("DescribeMQTTUserList", ""), exchange -> {
        });
        assertThat(blank.getException()).hasMessage("DescribeMQTTUserList: missing required parameter InstanceId");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void errorInsideResponseBecomesTheException() throws Exception {
        answer("\"Error\":{\"Code\":\"ResourceNotFound.Topic\",\"Message\":\"topic not found\"},\"RequestId\":\"req-e\"");
        Exchange out = template.request(uri("DescribeTopic", "instanceId=rmq-1"),
                exchange -> exchange.getIn().setBody(Map.of("Topic", "ghost")));
        assertThat(out.getException()).isInstanceOf(TencentCloudApiException.class);
        TencentCloudApiException e = (TencentCloudApiException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound.Topic");
        assertThat(e.getErrorMessage()).isEqualTo("topic not found");
        assertThat(e.getRequestId()).isEqualTo("req-e");
        assertThat(e.getAction()).isEqualTo("DescribeTopic");
        assertThat(e.isRetryable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void internalErrorIsRetriedForAnIdempotentAction() throws Exception {
        answer("\"Error\":{\"Code\":\"InternalError\",\"Message\":\"oops\"},\"RequestId\":\"req-i1\"");
        answer("\"ConsumerNum\":2,\"RequestId\":\"req-i2\"");
        Exchange out = template.request(uri("DescribeConsumerGroup", "instanceId=rmq-1"),
                exchange -> exchange.getIn().setBody(Map.of("ConsumerGroup", "g")));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("ConsumerNum", 2);
        assertThat(out.getMessage().getHeader(TencentTrocketConstants.REQUEST_ID)).isEqualTo("req-i2");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(body(take())).isEqualTo(body(take()));
    }

    @Test
    void createTopicIsNotRetriedAfterAReadTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body("{\"Response\":{\"RequestId\":\"late\"}}").build());
        answer("\"InstanceId\":\"rmq-1\",\"Topic\":\"t\",\"RequestId\":\"second\"");
        Exchange out = template.request(uri("CreateTopic", "instanceId=rmq-1&readTimeout=300"),
                exchange -> exchange.getIn().setBody(Map.of("Topic", "t", "TopicType", "NORMAL", "QueueNum", 3)));
        assertThat(out.getException()).isInstanceOf(TencentCloudApiException.class);
        TencentCloudApiException e = (TencentCloudApiException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo("RequestTimeout");
        assertThat(e.getAction()).isEqualTo("CreateTopic");
        assertThat(e.isNotExecuted()).isFalse();
        Thread.sleep(100);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createTopicIsNotRetriedAfterAnInternalErrorButIsAfterThrottling() throws Exception {
        answer("\"Error\":{\"Code\":\"InternalError\",\"Message\":\"oops\"},\"RequestId\":\"c1\"");
        answer("\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow down\"},\"RequestId\":\"c2\"");
        answer("\"InstanceId\":\"rmq-1\",\"Topic\":\"t\",\"RequestId\":\"c3\"");
        Map<String, Object> topic = Map.of("Topic", "t", "TopicType", "NORMAL", "QueueNum", 3);
        Exchange internal = template.request(uri("CreateTopic", "instanceId=rmq-1"), exchange -> exchange.getIn().setBody(topic));
        assertThat(((TencentCloudApiException) internal.getException()).getErrorCode()).isEqualTo("InternalError");
        Thread.sleep(50);
        assertThat(server.getRequestCount()).isEqualTo(1);
        Exchange throttled = template.request(uri("CreateTopic", "instanceId=rmq-1"), exchange -> exchange.getIn().setBody(topic));
        assertThat(throttled.getException()).isNull();
        assertThat(throttled.getMessage().getHeader(TencentTrocketConstants.REQUEST_ID)).isEqualTo("c3");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theHeaderOverridesTheUriActionAndUndocumentedActionsAreCallable() throws Exception {
        answer("\"RequestId\":\"u1\"");
        Exchange out = template.request(uri("DescribeInstance", "instanceId=rmq-1"), exchange -> {
            exchange.getIn().setHeader(TencentTrocketConstants.OPERATION, "DescribeMessage");
            exchange.getIn().setBody(Map.of("InstanceId", "rmq-1", "Topic", "t", "MsgId", "m1"));
        });
        assertThat(out.getException()).isNull();
        RecordedRequest request = take();
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("DescribeMessage");
        assertThat(request.getHeaders().get("X-TC-Version")).isEqualTo("2023-03-08");
        assertThat(body(request)).isEqualTo(json("{\"InstanceId\":\"rmq-1\",\"Topic\":\"t\",\"MsgId\":\"m1\"}"));
    }

    @Test
    void secretsAppearInNoLogLineOrException() throws Exception {
        TencentTrocketComponent component = context.getComponent("tencent-trocket", TencentTrocketComponent.class);
        component.getConfiguration().setSecretId(SECRET_ID);
        component.getConfiguration().setSecretKey(SECRET_KEY);
        component.getConfiguration().setSessionToken("sts-secret-token");
        String base = "tencent-trocket:DescribeRoleList?region=ap-guangzhou&endpoint=http://127.0.0.1:" + server.getPort()
                      + "&retryInitialDelay=1&retryMaxDelay=5";
        try (LogCapture logs = LogCapture.start()) {
            answer("\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow\"},\"RequestId\":\"x1\"");
            answer("\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"bad signature\"},\"RequestId\":\"x2\"");
            Exchange failed = template.request(base + "&instanceId=rmq-1", exchange -> {
            });
            Exchange missing = template.request(base, exchange -> {
            });
            server.close();
            Exchange refused = template.request(base + "&instanceId=rmq-1&maxRetries=1", exchange -> {
            });

            String everything = String.join("\n", logs.lines()) + "\n" + failed.getException() + "\n"
                                + missing.getException() + "\n" + refused.getException();
            assertThat(logs.lines()).anyMatch(line -> line.contains("RequestLimitExceeded"));
            assertThat(everything).contains("AuthFailure.SignatureFailure", "missing required parameter InstanceId",
                    "ConnectionFailure");
            assertThat(everything).doesNotContain(SECRET_KEY).doesNotContain(SECRET_ID).doesNotContain("sts-secret-token");
        }
    }

    @Test
    void secretsInTheUriAreMaskedAndNeverLoggedByTheComponent() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            answer("\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"slow\"},\"RequestId\":\"y1\"");
            answer("\"InstanceId\":\"rmq-1\",\"RequestId\":\"y2\"");
            Exchange out = template.request(uri("DescribeInstance", "instanceId=rmq-1&sessionToken=RAW(sts-secret-token)"),
                    exchange -> {
                    });
            assertThat(out.getException()).isNull();
            StringBuilder uris = new StringBuilder();
            context.getEndpoints().forEach(endpoint -> uris.append(endpoint).append(' ').append(endpoint.getEndpointUri()));
            assertThat(uris.toString()).contains("tencent-trocket://DescribeInstance").doesNotContain(SECRET_KEY)
                    .doesNotContain("sts-secret-token");
            assertThat(logs.lines()).filteredOn(line -> line.contains("DescribeInstance failed")).isNotEmpty()
                    .noneMatch(line -> line.contains(SECRET_KEY) || line.contains("sts-secret-token"));
        }
    }
}
