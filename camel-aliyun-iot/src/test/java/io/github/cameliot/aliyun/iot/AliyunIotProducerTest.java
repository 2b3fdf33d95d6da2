package io.github.cameliot.aliyun.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.aliyun.AliyunCloudApiException;
import io.github.cameliot.cloudapi.aliyun.AliyunCredentials;
import io.github.cameliot.cloudapi.test.AliyunRpcVerifier;
import io.github.cameliot.cloudapi.test.LogCapture;
import io.github.cameliot.cloudapi.test.NoDelayServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The producer's behaviour on the wire: the messaging conveniences, list and JSON parameters, the shadow's version,
 * paging, both error shapes, retries, checks before sending, instance ids, STS and secrecy, against a local server
 * that answers as IoT Platform does. Every request is checked with the independent {@link AliyunRpcVerifier}.
 */
class AliyunIotProducerTest {

    static final String ACCESS_KEY_ID = "LTAI5tProducerTestKey000";
    static final String ACCESS_KEY_SECRET = "ProducerTestSecret0000000000000";
    static final String VERSION = "2018-01-20";
    /** An 18-digit message id, above 2^53: a double would turn it into 889455942124347392. */
    static final String BIG_MESSAGE_ID = "889455942124347329";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MockWebServer server;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
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
        return "aliyun-iot:" + action + "?regionId=cn-shanghai&endpoint=http://127.0.0.1:" + server.getPort()
               + "&accessKeyId=" + ACCESS_KEY_ID + "&accessKeySecret=RAW(" + ACCESS_KEY_SECRET + ")"
               + "&retryInitialDelay=1&retryMaxDelay=5" + (options.isEmpty() ? "" : "&" + options);
    }

    /** A successful answer: {@code Success=true}, a request id and these fields (JSON members, without braces). */
    private void answer(String requestId, String fields) {
        server.enqueue(json(200, "{\"RequestId\":\"" + requestId + "\",\"Success\":true" + (fields.isEmpty() ? "" : "," + fields) + "}"));
    }

    /** The second error shape: HTTP 200, {@code Success=false}, {@code Code} and {@code ErrorMessage}. */
    private void failure(String requestId, String code, String errorMessage) {
        server.enqueue(json(200, "{\"RequestId\":\"" + requestId + "\",\"Success\":false,\"Code\":\"" + code
                                 + "\",\"ErrorMessage\":\"" + errorMessage + "\"}"));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json;charset=utf-8").body(body)
                .build();
    }

    /** The next request, checked as the cloud checks it. */
    private Sent take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request sent").isNotNull();
        Map<String, String> own = AliyunRpcVerifier.verify(request, VERSION, ACCESS_KEY_SECRET);
        return new Sent(request, AliyunRpcVerifier.parameters(request), own);
    }

    /** A request: all its parameters, and the action's own (without the common ones). */
    record Sent(RecordedRequest request, Map<String, String> all, Map<String, String> own) {

        String action() {
            return all.get("Action");
        }

        JsonNode json(String parameter) throws Exception {
            assertThat(own).containsKey(parameter);
            return MAPPER.readTree(own.get(parameter));
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static AliyunCloudApiException apiException(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(AliyunCloudApiException.class);
        return (AliyunCloudApiException) exchange.getException();
    }

    // ---- messaging

    @Test
    void pubBase64EncodesATextBodyWithTopicAndQosFromHeaders() throws Exception {
        answer("pub-1", "\"MessageId\":" + BIG_MESSAGE_ID);
        String payload = "{\"temp\":21.5,\"room\":\"卧室\"}";
        Exchange out = template.request(uri("Pub", "productKey=a1Pk"), exchange -> {
            exchange.getIn().setBody(payload);
            exchange.getIn().setHeader(AliyunIotConstants.TOPIC_FULL_NAME, "/a1Pk/dev1/user/get");
            exchange.getIn().setHeader(AliyunIotConstants.QOS, "1");
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("pub-1");
        assertThat(out.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).isEqualTo(BIG_MESSAGE_ID);
        Sent sent = take();
        assertThat(sent.action()).isEqualTo("Pub");
        assertThat(sent.own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk",
                "TopicFullName", "/a1Pk/dev1/user/get", "MessageContent", base64(payload), "Qos", "1"));
        assertThat(new String(Base64.getDecoder().decode(sent.own().get("MessageContent")), StandardCharsets.UTF_8))
                .isEqualTo(payload);
    }

    @Test
    void pubBase64EncodesABytesBodyWithTopicAndQosFromOptions() throws Exception {
        answer("pub-2", "\"MessageId\":1");
        byte[] payload = { 0, 1, 2, (byte) 0xfb, (byte) 0xff, '>', '?' };
        Exchange out = template.request(uri("Pub", "productKey=a1Pk&topic=/a1Pk/dev1/user/bin&qos=0"),
                exchange -> exchange.getIn().setBody(payload));

        assertThat(out.getException()).isNull();
        Sent sent = take();
        assertThat(sent.own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk",
                "TopicFullName", "/a1Pk/dev1/user/bin", "MessageContent", "AAEC+/8+Pw==", "Qos", "0"));
        assertThat(Base64.getDecoder().decode(sent.own().get("MessageContent"))).isEqualTo(payload);
    }

    @Test
    void theTopicHeaderOverridesTheTopicOption() throws Exception {
        answer("pub-3", "");
        template.request(uri("Pub", "productKey=a1Pk&topic=/a1Pk/dev1/user/option"), exchange -> {
            exchange.getIn().setBody("x");
            exchange.getIn().setHeader(AliyunIotConstants.TOPIC_FULL_NAME, "/a1Pk/dev1/user/header");
        });
        assertThat(take().own()).containsEntry("TopicFullName", "/a1Pk/dev1/user/header").doesNotContainKey("Qos");
    }

    @Test
    void pubBroadcastSendsTheBodyToTheTopicOptionWithoutQos() throws Exception {
        answer("bc-1", "\"MessageId\":" + BIG_MESSAGE_ID);
        Exchange out = template.request(uri("PubBroadcast", "productKey=a1Pk&topic=/broadcast/a1Pk/all&qos=1"),
                exchange -> exchange.getIn().setBody("reboot at 3:00"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).isEqualTo(BIG_MESSAGE_ID);
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk",
                "TopicFullName", "/broadcast/a1Pk/all", "MessageContent", base64("reboot at 3:00")));
    }

    @Test
    void rrpcAnswersTheDecodedReplyWithCodeAndExactMessageId() throws Exception {
        // the test's own check that the id is one a double corrupts
        assertThat(String.valueOf((long) Double.parseDouble(BIG_MESSAGE_ID))).isNotEqualTo(BIG_MESSAGE_ID);
        answer("rrpc-1", "\"RrpcCode\":\"SUCCESS\",\"PayloadBase64Byte\":\"" + base64("pong ✓") + "\",\"MessageId\":"
                         + BIG_MESSAGE_ID);
        Exchange out = template.request(uri("RRpc", "productKey=a1Pk&deviceName=dev1&rrpcTimeout=3000"),
                exchange -> exchange.getIn().setBody("ping"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("pong ✓");
        assertThat(out.getMessage().getHeader(AliyunIotConstants.RRPC_CODE)).isEqualTo("SUCCESS");
        assertThat(out.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).isEqualTo(BIG_MESSAGE_ID);
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("rrpc-1");
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk", "DeviceName", "dev1",
                "RequestBase64Byte", base64("ping"), "Timeout", "3000"));
    }

    @Test
    void rrpcThatTheDeviceDidNotAnswerHasItsCodeAndNoBody() throws Exception {
        answer("rrpc-2", "\"RrpcCode\":\"TIMEOUT\",\"MessageId\":" + BIG_MESSAGE_ID);
        Exchange out = template.request(uri("RRpc", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody(new byte[] { 1, 2 }));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.RRPC_CODE)).isEqualTo("TIMEOUT");
        assertThat(take().own()).containsEntry("RequestBase64Byte", "AQI=").containsEntry("Timeout", "5000");
    }

    // ---- items and arguments

    @Test
    void setDevicePropertyTakesAMapOrJsonBodyAsItems() throws Exception {
        answer("sp-1", "\"Data\":{\"MessageId\":\"300511751\"}");
        answer("sp-2", "");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("LightSwitch", 1);
        items.put("Mode", "a b&c");
        Exchange map = template.request(uri("SetDeviceProperty", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody(items));
        Exchange text = template.request(uri("SetDeviceProperty", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody("{\"LightSwitch\":0}"));

        assertThat(map.getException()).isNull();
        assertThat(text.getException()).isNull();
        assertThat(map.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).isEqualTo("300511751");
        Sent first = take();
        assertThat(first.own()).containsOnlyKeys("ProductKey", "DeviceName", "Items")
                .containsEntry("ProductKey", "a1Pk").containsEntry("DeviceName", "dev1");
        assertThat(first.json("Items")).isEqualTo(MAPPER.readTree("{\"LightSwitch\":1,\"Mode\":\"a b&c\"}"));
        assertThat(take().json("Items")).isEqualTo(MAPPER.readTree("{\"LightSwitch\":0}"));
    }

    @Test
    void aBodyThatHoldsTheItemsParameterIsTheParametersAndIotIdWinsOverTheOptions() throws Exception {
        answer("sp-3", "");
        Exchange out = template.request(uri("SetDeviceProperty", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody(Map.of("IotId", "Q7uOhVRdZRRlDnTLv****00100",
                        "Items", Map.of("LightSwitch", 1))));

        assertThat(out.getException()).isNull();
        Sent sent = take();
        assertThat(sent.own()).containsOnlyKeys("IotId", "Items").containsEntry("IotId", "Q7uOhVRdZRRlDnTLv****00100");
        assertThat(sent.json("Items")).isEqualTo(MAPPER.readTree("{\"LightSwitch\":1}"));
    }

    @Test
    void setDevicesPropertyTakesTheDeviceNamesFromAHeaderListOrCommaText() throws Exception {
        answer("sps-1", "");
        answer("sps-2", "");
        Exchange list = template.request(uri("SetDevicesProperty", "productKey=a1Pk"), exchange -> {
            exchange.getIn().setBody(Map.of("Status", 1));
            exchange.getIn().setHeader(AliyunIotConstants.DEVICE_NAME, List.of("dev1", "dev2"));
        });
        Exchange text = template.request(uri("SetDevicesProperty", "productKey=a1Pk"), exchange -> {
            exchange.getIn().setBody("{\"Status\":0}");
            exchange.getIn().setHeader(AliyunIotConstants.DEVICE_NAME, "dev3, dev4,dev5");
        });

        assertThat(list.getException()).isNull();
        assertThat(text.getException()).isNull();
        Sent first = take();
        assertThat(first.own()).containsOnlyKeys("ProductKey", "DeviceName.1", "DeviceName.2", "Items")
                .containsEntry("DeviceName.1", "dev1").containsEntry("DeviceName.2", "dev2");
        assertThat(first.json("Items")).isEqualTo(MAPPER.readTree("{\"Status\":1}"));
        Sent second = take();
        assertThat(second.own()).containsOnlyKeys("ProductKey", "DeviceName.1", "DeviceName.2", "DeviceName.3", "Items")
                .containsEntry("DeviceName.1", "dev3").containsEntry("DeviceName.2", "dev4")
                .containsEntry("DeviceName.3", "dev5");
    }

    @Test
    void setDevicesPropertyTakesTheDeviceNamesFromAHeaderArray() throws Exception {
        answer("sps-3", "");
        Exchange out = template.request(uri("SetDevicesProperty", "productKey=a1Pk"), exchange -> {
            exchange.getIn().setBody(Map.of("Status", 1));
            exchange.getIn().setHeader(AliyunIotConstants.DEVICE_NAME, new String[] { "dev1", "dev2" });
        });
        assertThat(out.getException()).isNull();
        assertThat(take().own()).containsOnlyKeys("ProductKey", "DeviceName.1", "DeviceName.2", "Items")
                .containsEntry("DeviceName.1", "dev1").containsEntry("DeviceName.2", "dev2");
    }

    @Test
    void parametersTheApiTypesAsJsonTextMayBeGivenAsMapsAndLists() throws Exception {
        answer("js-1", "");
        answer("js-2", "");
        answer("js-3", "");
        template.request(uri("NotifyAddThingTopo", ""), exchange -> exchange.getIn().setBody(Map.of("GwProductKey", "gwPk",
                "GwDeviceName", "gw1", "DeviceListStr", List.of(Map.of("productKey", "a1Pk", "deviceName", "dev1"),
                        Map.of("IotId", "iot-2")))));
        template.request(uri("SetDeviceGroupTags", ""), exchange -> exchange.getIn().setBody(Map.of("GroupId", "g1",
                "TagString", List.of(Map.of("tagKey", "h1", "tagValue", "rr")))));
        template.request(uri("CreateRuleAction", ""), exchange -> exchange.getIn().setBody(Map.of("RuleId", 1000,
                "Type", "REPUBLISH", "Configuration", Map.of("topic", "/a1Pk/dev1/get", "topicType", 1))));

        Sent topo = take();
        assertThat(topo.own()).containsOnlyKeys("GwProductKey", "GwDeviceName", "DeviceListStr");
        assertThat(topo.json("DeviceListStr")).isEqualTo(MAPPER.readTree(
                "[{\"productKey\":\"a1Pk\",\"deviceName\":\"dev1\"},{\"IotId\":\"iot-2\"}]"));
        Sent tags = take();
        assertThat(tags.own()).containsOnlyKeys("GroupId", "TagString");
        assertThat(tags.json("TagString")).isEqualTo(MAPPER.readTree("[{\"tagKey\":\"h1\",\"tagValue\":\"rr\"}]"));
        Sent rule = take();
        assertThat(rule.own()).containsOnlyKeys("RuleId", "Type", "Configuration").containsEntry("RuleId", "1000");
        assertThat(rule.json("Configuration")).isEqualTo(MAPPER.readTree("{\"topic\":\"/a1Pk/dev1/get\",\"topicType\":1}"));
    }

    @Test
    void invokeThingServiceTakesAMapBodyAsArgsAndTheServiceFromAHeader() throws Exception {
        answer("its-1", "\"Data\":{\"Result\":\"{}\",\"MessageId\":\"abc123\"}");
        answer("its-2", "");
        Exchange args = template.request(uri("InvokeThingService", "productKey=a1Pk&deviceName=dev1"), exchange -> {
            exchange.getIn().setBody(Map.of("delay", 5));
            exchange.getIn().setHeader(AliyunIotConstants.SERVICE_IDENTIFIER, "reboot");
        });
        Exchange parameters = template.request(uri("InvokeThingService", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody(Map.of("Identifier", "calibrate", "Args", Map.of("zero", true))));

        assertThat(args.getException()).isNull();
        assertThat(parameters.getException()).isNull();
        assertThat(args.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).isEqualTo("abc123");
        Sent first = take();
        assertThat(first.own()).containsOnlyKeys("ProductKey", "DeviceName", "Identifier", "Args")
                .containsEntry("Identifier", "reboot");
        assertThat(first.json("Args")).isEqualTo(MAPPER.readTree("{\"delay\":5}"));
        Sent second = take();
        assertThat(second.own()).containsEntry("Identifier", "calibrate");
        assertThat(second.json("Args")).isEqualTo(MAPPER.readTree("{\"zero\":true}"));
    }

    // ---- lists

    @Test
    void listsGivenUnderThePluralNameAsCommaTextOrPreFlattenedGoOutAsNameDotN() throws Exception {
        for (int i = 0; i < 4; i++) {
            answer("l-" + i, "");
        }
        Map<String, String> expected = Map.of("ProductKey", "a1Pk", "DeviceName.1", "dev1", "DeviceName.2", "dev2");
        template.request(uri("BatchGetDeviceState", ""),
                exchange -> exchange.getIn().setBody(Map.of("ProductKey", "a1Pk", "DeviceNames", List.of("dev1", "dev2"))));
        template.request(uri("BatchGetDeviceState", ""),
                exchange -> exchange.getIn().setBody("{\"ProductKey\":\"a1Pk\",\"DeviceName\":\"dev1, dev2\"}"));
        template.request(uri("BatchGetDeviceState", ""),
                exchange -> exchange.getIn().setBody(Map.of("ProductKey", "a1Pk", "DeviceName.1", "dev1", "DeviceName.2", "dev2")));
        template.request(uri("CreateProductTags", ""), exchange -> exchange.getIn().setBody(Map.of("ProductKey", "a1Pk",
                "ProductTags", List.of(Map.of("TagKey", "floor", "TagValue", "3"), Map.of("TagKey", "room", "TagValue", "a b")))));

        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk",
                "ProductTag.1.TagKey", "floor", "ProductTag.1.TagValue", "3",
                "ProductTag.2.TagKey", "room", "ProductTag.2.TagValue", "a b"));
    }

    @Test
    void devicesNamedByDeviceNameGetTheProductKeyOptionButIotIdsDoNot() throws Exception {
        answer("bg-1", "");
        answer("bg-2", "");
        template.request(uri("BatchGetDeviceState", "productKey=a1Pk&deviceName=ignored"),
                exchange -> exchange.getIn().setBody(Map.of("DeviceNames", List.of("dev1", "dev2"))));
        template.request(uri("BatchGetDeviceState", "productKey=a1Pk&deviceName=ignored"),
                exchange -> exchange.getIn().setBody(Map.of("IotIds", "iot-1,iot-2")));

        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk", "DeviceName.1", "dev1",
                "DeviceName.2", "dev2"));
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("IotId.1", "iot-1", "IotId.2", "iot-2"));
    }

    @Test
    void preFlattenedListsKeepTheirNumericOrderAndStructFields() throws Exception {
        answer("f-1", "");
        answer("f-2", "");
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("ProductKey", "a1Pk");
        for (int i = 12; i >= 1; i--) {
            names.put("DeviceName." + i, "dev" + i);
        }
        template.request(uri("BatchCheckDeviceNames", ""), exchange -> exchange.getIn().setBody(names));
        template.request(uri("QueryDeviceByTags", ""), exchange -> exchange.getIn().setBody(Map.of(
                "Tag.2.TagKey", "room", "Tag.2.TagValue", "kitchen", "Tag.1.TagKey", "floor", "Tag.1.TagValue", "3")));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ProductKey", "a1Pk");
        for (int i = 1; i <= 12; i++) {
            expected.put("DeviceName." + i, "dev" + i);
        }
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(take().own()).containsAllEntriesOf(Map.of("Tag.1.TagKey", "floor", "Tag.1.TagValue", "3",
                "Tag.2.TagKey", "room", "Tag.2.TagValue", "kitchen"));
    }

    // ---- device shadow

    private static String shadowAnswer(int version) {
        return "\"ShadowMessage\":\"{\\\"method\\\":\\\"update\\\",\\\"state\\\":{\\\"desired\\\":{\\\"color\\\":\\\"blue\\\"}},"
               + "\\\"version\\\":" + version + "}\"";
    }

    @Test
    void shadowAutoVersionReadsTheCurrentVersionAndSendsTheNext() throws Exception {
        answer("sh-get", shadowAnswer(4));
        answer("sh-upd", "");
        Exchange out = template.request(uri("UpdateDeviceShadow", "productKey=a1Pk&deviceName=dev1&shadowAutoVersion=true"),
                exchange -> exchange.getIn().setBody(Map.of("ShadowMessage",
                        Map.of("method", "update", "state", Map.of("desired", Map.of("color", "red"))))));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("sh-upd");
        Sent get = take();
        assertThat(get.action()).isEqualTo("GetDeviceShadow");
        assertThat(get.own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk", "DeviceName", "dev1"));
        Sent update = take();
        assertThat(update.action()).isEqualTo("UpdateDeviceShadow");
        assertThat(update.own()).containsOnlyKeys("ProductKey", "DeviceName", "ShadowMessage");
        assertThat(update.json("ShadowMessage")).isEqualTo(MAPPER.readTree(
                "{\"method\":\"update\",\"state\":{\"desired\":{\"color\":\"red\"}},\"version\":5}"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shadowAutoVersionRereadsAndRetriesOnceWhenTheVersionIsRefused() throws Exception {
        answer("sh-get-1", shadowAnswer(4));
        failure("sh-upd-1", "iot.messagebroker.InvalidVersionValueInShadowMessage", "bad version");
        answer("sh-get-2", shadowAnswer(7));
        answer("sh-upd-2", "");
        Exchange out = template.request(uri("UpdateDeviceShadow", "productKey=a1Pk&deviceName=dev1&shadowAutoVersion=true"),
                exchange -> exchange.getIn().setBody(
                        "{\"ShadowMessage\":\"{\\\"method\\\":\\\"update\\\",\\\"state\\\":{\\\"desired\\\":{\\\"on\\\":1}}}\"}"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("sh-upd-2");
        assertThat(take().action()).isEqualTo("GetDeviceShadow");
        assertThat(take().json("ShadowMessage").get("version").asLong()).isEqualTo(5);
        assertThat(take().action()).isEqualTo("GetDeviceShadow");
        Sent retry = take();
        assertThat(retry.action()).isEqualTo("UpdateDeviceShadow");
        assertThat(retry.json("ShadowMessage")).isEqualTo(MAPPER.readTree(
                "{\"method\":\"update\",\"state\":{\"desired\":{\"on\":1}},\"version\":8}"));
    }

    @Test
    void shadowAutoVersionRetriesOnlyOnce() throws Exception {
        failure("sh-a", "iot.messagebroker.InvalidVersionValueInShadowMessage", "bad version");
        answer("sh-b", shadowAnswer(2));
        failure("sh-c", "iot.messagebroker.InvalidVersionValueInShadowMessage", "bad version again");
        answer("sh-d", shadowAnswer(3));
        answer("sh-e", "");
        Exchange out = template.request(uri("UpdateDeviceShadow", "productKey=a1Pk&deviceName=dev1&shadowAutoVersion=true"),
                exchange -> exchange.getIn().setBody(Map.of("ShadowMessage", Map.of("method", "update",
                        "state", Map.of("desired", Map.of("on", 1)), "version", 1))));

        AliyunCloudApiException e = apiException(out);
        assertThat(e.getErrorCode()).isEqualTo("iot.messagebroker.InvalidVersionValueInShadowMessage");
        assertThat(e.getRequestId()).isEqualTo("sh-c");
        // the given version first, then once the one after the version read again
        assertThat(take().json("ShadowMessage").get("version").asLong()).isEqualTo(1);
        assertThat(take().action()).isEqualTo("GetDeviceShadow");
        assertThat(take().json("ShadowMessage").get("version").asLong()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void withoutShadowAutoVersionTheShadowMessageIsSentAsGivenAndARefusalIsTheRoutes() throws Exception {
        failure("sh-x", "iot.messagebroker.InvalidVersionValueInShadowMessage", "bad version");
        String shadow = "{\"method\":\"update\",\"state\":{\"desired\":{\"color\":\"green\"}},\"version\":2}";
        Exchange out = template.request(uri("UpdateDeviceShadow", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody(Map.of("ShadowMessage", shadow)));

        assertThat(apiException(out).getErrorCode()).isEqualTo("iot.messagebroker.InvalidVersionValueInShadowMessage");
        assertThat(take().own()).containsEntry("ShadowMessage", shadow);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void getDeviceShadowSetsTheVersionHeader() throws Exception {
        answer("sh-g", shadowAnswer(42));
        Exchange out = template.request(uri("GetDeviceShadow", "productKey=a1Pk&deviceName=dev1"), exchange -> {
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.SHADOW_VERSION)).isEqualTo(42L);
    }

    // ---- paging

    private static String devices(int from, int to) {
        List<String> devices = new ArrayList<>();
        for (int i = from; i < to; i++) {
            devices.add("{\"DeviceName\":\"d" + i + "\",\"IotId\":\"iot" + i + "\"}");
        }
        return String.join(",", devices);
    }

    @Test
    void paginateFetchesEveryPageOfAPageNumberAction() throws Exception {
        answer("qd-1", "\"Total\":5,\"PageSize\":2,\"Page\":1,\"PageCount\":3,\"Data\":{\"DeviceInfo\":[" + devices(0, 2) + "]}");
        answer("qd-2", "\"Total\":5,\"PageSize\":2,\"Page\":2,\"PageCount\":3,\"Data\":{\"DeviceInfo\":[" + devices(2, 4) + "]}");
        answer("qd-3", "\"Total\":5,\"PageSize\":2,\"Page\":3,\"PageCount\":3,\"Data\":{\"DeviceInfo\":[" + devices(4, 5) + "]}");
        Exchange out = template.request(uri("QueryDevice", "productKey=a1Pk&paginate=true"),
                exchange -> exchange.getIn().setBody(Map.of("PageSize", 2)));

        assertThat(out.getException()).isNull();
        JsonNode body = MAPPER.valueToTree(out.getMessage().getBody(Map.class));
        List<String> names = new ArrayList<>();
        body.path("Data").path("DeviceInfo").forEach(device -> names.add(device.get("DeviceName").asText()));
        assertThat(names).containsExactly("d0", "d1", "d2", "d3", "d4");
        assertThat(body.get("Total").asInt()).isEqualTo(5);
        for (int page = 1; page <= 3; page++) {
            assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk",
                    "CurrentPage", String.valueOf(page), "PageSize", "2"));
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private static String properties(long... times) {
        List<String> items = new ArrayList<>();
        for (long time : times) {
            items.add("{\"Value\":\"v" + time + "\",\"Time\":" + time + "}");
        }
        return "{\"List\":{\"PropertyInfo\":[" + String.join(",", items) + "]}";
    }

    @Test
    void paginateFollowsTheNextTimeCursorWhileNextValid() throws Exception {
        answer("pd-1", "\"Data\":" + properties(1000, 2000) + ",\"NextValid\":true,\"NextTime\":2001}");
        answer("pd-2", "\"Data\":" + properties(2001, 3000) + ",\"NextValid\":true,\"NextTime\":3001}");
        answer("pd-3", "\"Data\":" + properties(3001) + ",\"NextValid\":false,\"NextTime\":3002}");
        Exchange out = template.request(uri("QueryDevicePropertyData", "paginate=true"),
                exchange -> exchange.getIn().setBody(Map.of("IotId", "iot-1", "Identifier", "temp", "StartTime", 1000L,
                        "EndTime", 9000L, "PageSize", 2, "Asc", 1)));

        assertThat(out.getException()).isNull();
        JsonNode body = MAPPER.valueToTree(out.getMessage().getBody(Map.class));
        List<Long> times = new ArrayList<>();
        body.path("Data").path("List").path("PropertyInfo").forEach(item -> times.add(item.get("Time").asLong()));
        assertThat(times).containsExactly(1000L, 2000L, 2001L, 3000L, 3001L);
        for (String start : new String[] { "1000", "2001", "3001" }) {
            assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("IotId", "iot-1", "Identifier", "temp",
                    "StartTime", start, "EndTime", "9000", "PageSize", "2", "Asc", "1"));
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void withoutPaginateAListActionIsOneCall() throws Exception {
        answer("one", "\"Total\":5,\"Data\":{\"DeviceInfo\":[" + devices(0, 2) + "]}");
        Exchange out = template.request(uri("QueryDevice", "productKey=a1Pk"),
                exchange -> exchange.getIn().setBody(Map.of("PageSize", 2, "CurrentPage", 1)));
        assertThat(out.getException()).isNull();
        assertThat(take().own()).containsEntry("CurrentPage", "1").containsEntry("PageSize", "2");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- errors

    @Test
    void anHttpErrorWithCodeAndMessageBecomesTheException() throws Exception {
        server.enqueue(json(400, "{\"RequestId\":\"e-400\",\"Code\":\"InvalidParameter\",\"Message\":\"The DeviceName is invalid.\"}"));
        server.enqueue(json(404, "{\"RequestId\":\"e-404\",\"Code\":\"InvalidApi.NotFound\",\"Message\":\"Specified api is not found.\"}"));
        Exchange bad = template.request(uri("QueryDeviceDetail", "productKey=a1Pk&deviceName=dev!"), exchange -> {
        });
        Exchange missing = template.request(uri("QueryDeviceDetail", "productKey=a1Pk&deviceName=dev1"), exchange -> {
        });

        AliyunCloudApiException e400 = apiException(bad);
        assertThat(e400.getErrorCode()).isEqualTo("InvalidParameter");
        assertThat(e400.getErrorMessage()).isEqualTo("The DeviceName is invalid.");
        assertThat(e400.getRequestId()).isEqualTo("e-400");
        assertThat(e400.getAction()).isEqualTo("QueryDeviceDetail");
        assertThat(e400.getHttpStatus()).isEqualTo(400);
        assertThat(e400.isRetryable()).isFalse();
        assertThat(e400.getMessage()).contains("QueryDeviceDetail", "InvalidParameter", "The DeviceName is invalid.", "e-400");
        AliyunCloudApiException e404 = apiException(missing);
        assertThat(e404.getErrorCode()).isEqualTo("InvalidApi.NotFound");
        assertThat(e404.getErrorMessage()).isEqualTo("Specified api is not found.");
        assertThat(e404.getRequestId()).isEqualTo("e-404");
        assertThat(e404.getHttpStatus()).isEqualTo(404);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void successFalseWithCodeAndErrorMessageBecomesTheException() throws Exception {
        failure("e-200", "iot.device.NotExistedDevice", "The device does not exist.");
        Exchange out = template.request(uri("QueryDeviceDetail", "productKey=a1Pk&deviceName=ghost"), exchange -> {
        });

        AliyunCloudApiException e = apiException(out);
        assertThat(e.getErrorCode()).isEqualTo("iot.device.NotExistedDevice");
        assertThat(e.getErrorMessage()).isEqualTo("The device does not exist.");
        assertThat(e.getRequestId()).isEqualTo("e-200");
        assertThat(e.getAction()).isEqualTo("QueryDeviceDetail");
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(out.getMessage().getBody()).as("the body of a failed call").isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMisspelledErrorCodeIsKeptVerbatim() throws Exception {
        failure("e-sic", "iot.rule.IncorrentRuleId", "The rule id is incorrect.");
        Exchange out = template.request(uri("GetRule", ""), exchange -> exchange.getIn().setBody(Map.of("RuleId", 1000)));

        AliyunCloudApiException e = apiException(out);
        assertThat(e.getErrorCode()).isEqualTo("iot.rule.IncorrentRuleId");
        assertThat(e.getMessage()).contains("iot.rule.IncorrentRuleId");
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("RuleId", "1000"));
    }

    // ---- retries

    @Test
    void systemExceptionIsRetriedForAnIdempotentAction() throws Exception {
        failure("r-1", "iot.system.SystemException", "A system exception occurred.");
        answer("r-2", "\"Data\":{\"DeviceName\":\"dev1\",\"Status\":\"ONLINE\"}");
        Exchange out = template.request(uri("QueryDeviceDetail", "productKey=a1Pk&deviceName=dev1"), exchange -> {
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("r-2");
        Sent first = take();
        Sent second = take();
        assertThat(second.own()).isEqualTo(first.own());
        assertThat(second.all().get("SignatureNonce")).as("a fresh nonce").isNotEqualTo(first.all().get("SignatureNonce"));
    }

    @Test
    void rateLimitIsRetriedEvenForAnActionThatIsNotIdempotent() throws Exception {
        failure("rl-1", "iot.messagebroker.RateLimit", "Throttled.");
        answer("rl-2", "\"MessageId\":7");
        Exchange out = template.request(uri("Pub", "productKey=a1Pk&topic=/a1Pk/dev1/user/get"),
                exchange -> exchange.getIn().setBody("hi"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("rl-2");
        assertThat(take().own()).isEqualTo(take().own());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void http503IsRetriedEvenForAnActionThatIsNotIdempotent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
                .body("<html><body>503 Service Temporarily Unavailable</body></html>").build());
        server.enqueue(json(503, "{\"RequestId\":\"u-2\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}"));
        answer("u-3", "\"MessageId\":8");
        Exchange out = template.request(uri("Pub", "productKey=a1Pk&topic=/a1Pk/dev1/user/get"),
                exchange -> exchange.getIn().setBody("hi"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("u-3");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aReadTimeoutOfAnActionThatIsNotIdempotentIsNotRetried() throws Exception {
        // the first answer never comes; a retry would get the second, and the exchange would succeed
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        answer("late", "\"MessageId\":9");
        Exchange out = template.request(uri("Pub", "productKey=a1Pk&topic=/a1Pk/dev1/user/get&readTimeout=250"),
                exchange -> exchange.getIn().setBody("once only"));

        AliyunCloudApiException e = apiException(out);
        assertThat(e.getErrorCode()).isEqualTo("RequestTimeout");
        assertThat(e.getAction()).isEqualTo("Pub");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.isNotExecuted()).as("a timeout does not prove the message was not published").isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReadTimeoutOfAnIdempotentActionIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        answer("second", "\"Data\":{\"Status\":\"ONLINE\"}");
        Exchange out = template.request(uri("GetDeviceStatus", "productKey=a1Pk&deviceName=dev1&readTimeout=250"),
                exchange -> {
                });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).isEqualTo("second");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void systemExceptionIsNotRetriedForAnActionThatIsNotIdempotent() throws Exception {
        failure("s-1", "iot.system.SystemException", "A system exception occurred.");
        answer("s-2", "\"MessageId\":10");
        Exchange out = template.request(uri("Pub", "productKey=a1Pk&topic=/a1Pk/dev1/user/get"),
                exchange -> exchange.getIn().setBody("once only"));

        AliyunCloudApiException e = apiException(out);
        assertThat(e.getErrorCode()).isEqualTo("iot.system.SystemException");
        assertThat(e.getRequestId()).isEqualTo("s-1");
        assertThat(e.isNotExecuted()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void maxRetriesZeroTurnsRetriesOff() throws Exception {
        failure("m-1", "iot.messagebroker.RateLimit", "Throttled.");
        answer("m-2", "");
        Exchange out = template.request(uri("QueryProduct", "productKey=a1Pk&maxRetries=0"), exchange -> {
        });
        assertThat(apiException(out).getErrorCode()).isEqualTo("iot.messagebroker.RateLimit");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- checks before sending

    @Test
    void missingRequiredParametersFailBeforeAnyRequest() {
        Exchange pub = template.request(uri("Pub", ""), exchange -> {
        });
        Exchange register = template.request(uri("RegisterDevice", ""), exchange -> exchange.getIn().setBody(Map.of("DeviceName", "d")));
        Exchange rrpc = template.request(uri("RRpc", "productKey=a1Pk"), exchange -> exchange.getIn().setBody("ping"));
        Exchange devices = template.request(uri("SetDevicesProperty", "productKey=a1Pk"),
                exchange -> exchange.getIn().setBody(Map.of("Status", 1)));
        Exchange paged = template.request(uri("QueryDevice", "paginate=true"), exchange -> {
        });
        Exchange shadow = template.request(uri("UpdateDeviceShadow", "productKey=a1Pk&deviceName=dev1&shadowAutoVersion=true"),
                exchange -> {
                });
        Exchange service = template.request(uri("InvokeThingService", "productKey=a1Pk&deviceName=dev1"),
                exchange -> exchange.getIn().setBody(Map.of("delay", 5)));

        assertThat(pub.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pub: missing required parameters ProductKey, TopicFullName, MessageContent");
        assertThat(register.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RegisterDevice: missing required parameter ProductKey");
        assertThat(rrpc.getException()).hasMessage("RRpc: missing required parameter DeviceName");
        assertThat(devices.getException()).hasMessage("SetDevicesProperty: missing required parameter DeviceName");
        assertThat(paged.getException()).hasMessage("QueryDevice: missing required parameter ProductKey");
        assertThat(shadow.getException()).hasMessage("UpdateDeviceShadow: missing required parameter ShadowMessage");
        assertThat(service.getException()).hasMessage("InvokeThingService: missing required parameter Identifier");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingDeviceSelectorFailsBeforeAnyRequest() {
        Exchange none = template.request(uri("QueryDeviceDetail", ""), exchange -> {
        });
        Exchange noName = template.request(uri("QueryDeviceDetail", "productKey=a1Pk"), exchange -> {
        });
        Exchange noProduct = template.request(uri("SetDeviceProperty", ""),
                exchange -> exchange.getIn().setBody(Map.of("DeviceName", "dev1", "Items", Map.of("on", 1))));
        Exchange blankIotId = template.request(uri("DeleteDevice", ""), exchange -> exchange.getIn().setBody(Map.of("IotId", " ")));

        assertThat(none.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("QueryDeviceDetail: ").hasMessageContaining("IotId")
                .hasMessageContaining("ProductKey and DeviceName");
        assertThat(noName.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("QueryDeviceDetail: ").hasMessageEndingWith("(missing DeviceName)");
        assertThat(noProduct.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SetDeviceProperty: ").hasMessageEndingWith("(missing ProductKey)");
        assertThat(blankIotId.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DeleteDevice: ");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- instance, credentials and secrecy

    @Test
    void theIotInstanceIdOptionIsSentWithEveryCall() throws Exception {
        String options = "productKey=a1Pk&deviceName=dev1&iotInstanceId=iot-060a0abc";
        answer("i-1", "\"MessageId\":1");
        answer("i-2", "\"Total\":3,\"Data\":{\"DeviceInfo\":[" + devices(0, 2) + "]}");
        answer("i-3", "\"Total\":3,\"Data\":{\"DeviceInfo\":[" + devices(2, 3) + "]}");
        answer("i-4", shadowAnswer(1));
        answer("i-5", "");
        answer("i-6", "");
        assertThat(template.request(uri("Pub", options + "&topic=/a1Pk/dev1/user/get"), exchange -> exchange.getIn().setBody("x"))
                .getException()).isNull();
        assertThat(template.request(uri("QueryDevice", options + "&paginate=true"),
                exchange -> exchange.getIn().setBody(Map.of("PageSize", 2))).getException()).isNull();
        assertThat(template.request(uri("UpdateDeviceShadow", options + "&shadowAutoVersion=true"),
                exchange -> exchange.getIn().setBody(Map.of("ShadowMessage", Map.of("method", "update",
                        "state", Map.of("desired", Map.of("on", 1)))))).getException()).isNull();
        assertThat(template.request(uri("QueryThingModel", options), exchange -> {
        }).getException()).isNull();

        for (int i = 0; i < 6; i++) {
            Sent sent = take();
            assertThat(sent.own()).as("%s", sent.action()).containsEntry("IotInstanceId", "iot-060a0abc");
        }
    }

    @Test
    void theReadinessCheckAsksTheConfiguredInstance() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, ProducersHealthCheckRepository.REPOSITORY_ID,
                ProducersHealthCheckRepository.class).setEnabled(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pub").to(uri("Pub", "productKey=a1Pk&iotInstanceId=iot-060a0abc"));
            }
        });
        answer("h-1", "\"Data\":{\"Total\":0,\"List\":{\"ProductInfo\":[]}}");

        HealthCheck.Result result = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:aliyun-iot-")).findFirst().orElseThrow();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        Sent sent = take();
        assertThat(sent.action()).isEqualTo("QueryProductList");
        assertThat(sent.own()).containsExactlyInAnyOrderEntriesOf(Map.of("CurrentPage", "1", "PageSize", "1",
                "IotInstanceId", "iot-060a0abc"));
    }

    @Test
    void anIotInstanceIdInTheBodyWinsOverTheOption() throws Exception {
        answer("i-7", "");
        template.request(uri("QueryProduct", "productKey=a1Pk&iotInstanceId=iot-option"),
                exchange -> exchange.getIn().setBody(Map.of("IotInstanceId", "iot-body")));
        assertThat(take().own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk", "IotInstanceId", "iot-body"));
    }

    @Test
    void anStsSecurityTokenIsSentAsSecurityTokenAndSigned() throws Exception {
        answer("sts-1", "");
        String token = "CAIS8gF1q6Ft5B2yfSjIr5bQL/7dr+pJ2Y6HbRzJjE0bcrhPm6Ttoz2IHxPeHJrBe8Aa==";
        Exchange out = template.request(uri("QueryProduct", "productKey=a1Pk&securityToken=RAW(" + token + ")"), exchange -> {
        });

        assertThat(out.getException()).isNull();
        Sent sent = take();
        assertThat(sent.all()).containsEntry("SecurityToken", token).containsEntry("AccessKeyId", ACCESS_KEY_ID);
        assertThat(sent.own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk"));
    }

    @Test
    void withoutKeysTheEnvironmentIsRequiredAndTheRouteDoesNotStart() throws Exception {
        assumeTrue(System.getenv(AliyunCredentials.ENV_ACCESS_KEY_ID) == null
                   && System.getenv(AliyunCredentials.ENV_ACCESS_KEY_SECRET) == null, "the ALIBABA_CLOUD_* variables are set");
        String noKeys = "aliyun-iot:QueryProduct?regionId=cn-shanghai&endpoint=http://127.0.0.1:" + server.getPort();
        Exception failure = null;
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:noKeys").to(noKeys);
                }
            });
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).as("starting a route without credentials").isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AliyunCredentials.ENV_ACCESS_KEY_ID).hasMessageContaining(AliyunCredentials.ENV_ACCESS_KEY_SECRET);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void halfAKeyPairIsRefusedWithoutShowingTheOtherHalf() {
        Exception failure = null;
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:half").to("aliyun-iot:QueryProduct?regionId=cn-shanghai&accessKeySecret=RAW(" + ACCESS_KEY_SECRET + ")");
                }
            });
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        assertThat(messages.toString()).contains("accessKeyId is missing").doesNotContain(ACCESS_KEY_SECRET);
    }

    /**
     * Everything logged at every level down to TRACE over a whole test with retries, API errors, a gateway error, a
     * refused parameter check and an unreachable server, with the keys and the STS token configured on the component
     * (a URI's text is Camel's: Camel core traces the URIs it resolves as written).
     */
    @Test
    void noSecretTokenOrSignatureInAnyLogLineOrException() throws Exception {
        String token = "StsSecretToken/0123456789+abcdef==";
        List<String> signatures = new ArrayList<>();
        List<Exception> exceptions = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            AliyunIotComponent component = context.getComponent("aliyun-iot", AliyunIotComponent.class);
            component.getConfiguration().setAccessKeyId(ACCESS_KEY_ID);
            component.getConfiguration().setAccessKeySecret(ACCESS_KEY_SECRET);
            component.getConfiguration().setSecurityToken(token);
            String base = "aliyun-iot:%s?regionId=cn-shanghai&endpoint=http://127.0.0.1:" + server.getPort()
                          + "&retryInitialDelay=1&retryMaxDelay=5&productKey=a1Pk&deviceName=dev1";

            failure("x-1", "iot.messagebroker.RateLimit", "Throttled.");
            answer("x-2", "\"Data\":{}");
            failure("x-3", "iot.system.SystemException", "A system exception occurred.");
            server.enqueue(json(400, "{\"RequestId\":\"x-4\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":"
                                     + "\"Specified signature is not matched with our calculation.\"}"));
            server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
            Exchange retried = template.request(base.formatted("QueryDeviceDetail"), exchange -> {
            });
            Exchange notRetried = template.request(base.formatted("Pub") + "&topic=/a1Pk/dev1/user/get",
                    exchange -> exchange.getIn().setBody("x"));
            Exchange refused = template.request(base.formatted("QueryProduct"), exchange -> {
            });
            Exchange gateway = template.request(base.formatted("DeleteProduct"), exchange -> {
            });
            Exchange invalid = template.request(base.formatted("QueryDeviceDetail").replace("&deviceName=dev1", ""),
                    exchange -> {
                    });
            for (int i = 0; i < 5; i++) {
                Sent sent = take();
                assertThat(sent.all()).containsEntry("SecurityToken", token);
                signatures.add(sent.all().get("Signature"));
            }
            server.close();
            Exchange unreachable = template.request(base.formatted("QueryProduct") + "&maxRetries=1", exchange -> {
            });

            assertThat(retried.getException()).isNull();
            for (Exchange failed : List.of(notRetried, refused, gateway, invalid, unreachable)) {
                assertThat(failed.getException()).isNotNull();
                exceptions.add(failed.getException());
            }
            assertThat(signatures).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(logs.lines()).as("the component logs its retries").anyMatch(line -> line.contains("iot.messagebroker.RateLimit"));
            String text = everything(logs.lines(), exceptions);
            assertThat(text).contains("SignatureDoesNotMatch", "iot.system.SystemException", "HTTP502",
                    "QueryDeviceDetail: identify the device", "ConnectionFailure");
            assertThat(text).doesNotContain(ACCESS_KEY_SECRET).doesNotContain(token).doesNotContain(ACCESS_KEY_ID);
            for (String signature : signatures) {
                assertThat(text).doesNotContain(signature)
                        .doesNotContain(java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8));
            }
        }
    }

    /** Log lines, then each exception with its causes, and every endpoint's URIs. */
    private String everything(List<String> lines, List<Exception> exceptions) {
        StringBuilder text = new StringBuilder(String.join("\n", lines));
        for (Exception e : exceptions) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                text.append('\n').append(t).append('\n').append(t.getMessage());
            }
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            text.append('\n').append(endpoint.getEndpointUri()).append('\n').append(endpoint)
                    .append('\n').append(endpoint.getEndpointBaseUri());
        }
        return text.toString();
    }

    @Test
    void keysInTheUriAreUsedButMaskedInTheEndpointUriAndNeverLoggedByTheComponent() throws Exception {
        String token = "StsSecretToken/0123456789+abcdef==";
        try (LogCapture logs = LogCapture.start()) {
            failure("y-1", "iot.messagebroker.RateLimit", "Throttled.");
            answer("y-2", "");
            failure("y-3", "iot.prod.NotExistedProduct", "The product does not exist.");
            String options = "productKey=a1Pk&securityToken=RAW(" + token + ")";
            Exchange ok = template.request(uri("QueryProduct", options), exchange -> {
            });
            Exchange failed = template.request(uri("DeleteProduct", options), exchange -> {
            });
            assertThat(ok.getException()).isNull();
            assertThat(apiException(failed).getErrorCode()).isEqualTo("iot.prod.NotExistedProduct");
            for (int i = 0; i < 3; i++) {
                assertThat(take().all()).as("signed with the URI's secret, sent with its token")
                        .containsEntry("SecurityToken", token).containsEntry("AccessKeyId", ACCESS_KEY_ID);
            }

            List<AliyunIotEndpoint> endpoints = context.getEndpoints().stream().filter(AliyunIotEndpoint.class::isInstance)
                    .map(AliyunIotEndpoint.class::cast).toList();
            assertThat(endpoints).hasSize(2);
            for (AliyunIotEndpoint endpoint : endpoints) {
                assertThat(endpoint.getEndpointUri()).startsWith("aliyun-iot://").contains("productKey=a1Pk")
                        .doesNotContain(ACCESS_KEY_SECRET).doesNotContain(token).doesNotContain(ACCESS_KEY_ID);
                assertThat(endpoint.toString()).doesNotContain(ACCESS_KEY_SECRET).doesNotContain(token);
                assertThat(endpoint.getEndpointBaseUri()).doesNotContain(ACCESS_KEY_SECRET).doesNotContain(token);
            }
            assertThat(failed.getException().getMessage()).doesNotContain(ACCESS_KEY_SECRET).doesNotContain(token);
            // Camel core traces the URIs it resolves as written; the component's own lines never carry a key
            assertThat(logs.lines()).filteredOn(line -> line.contains("QueryProduct failed with")).isNotEmpty()
                    .noneMatch(line -> line.contains(ACCESS_KEY_SECRET) || line.contains(token));
        }
    }

    @Test
    void endpointsThatDifferOnlyInTheirKeysAreDistinctAndSignWithTheirOwn() throws Exception {
        String otherSecret = "AnotherTestSecret000000000000000";
        answer("k-1", "");
        answer("k-2", "");
        String first = uri("QueryProduct", "productKey=a1Pk");
        String second = first.replace(ACCESS_KEY_SECRET, otherSecret);
        assertThat(template.request(first, exchange -> {
        }).getException()).isNull();
        assertThat(template.request(second, exchange -> {
        }).getException()).isNull();

        Endpoint one = context.getEndpoint(first);
        Endpoint two = context.getEndpoint(second);
        assertThat(one.getEndpointUri()).isEqualTo(two.getEndpointUri());
        assertThat(one).isNotEqualTo(two);
        take();
        RecordedRequest signedWithTheOther = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(signedWithTheOther).isNotNull();
        assertThat(AliyunRpcVerifier.verify(signedWithTheOther, VERSION, otherSecret)).containsEntry("ProductKey", "a1Pk");
    }

    // ---- any action

    @Test
    void anActionTheCatalogDoesNotListIsCallableByNameAndTheHeaderOverridesTheUriAction() throws Exception {
        answer("u-1", "\"Data\":{\"ThingModelJson\":\"{}\"}");
        answer("u-2", "\"Data\":{\"List\":[]}");
        Exchange byUri = template.request(uri("QueryThingModel", ""),
                exchange -> exchange.getIn().setBody(Map.of("ProductKey", "a1Pk", "ResourceGroupId", "rg-1")));
        Exchange byHeader = template.request(uri("QueryProduct", "productKey=a1Pk"), exchange -> {
            exchange.getIn().setHeader(AliyunIotConstants.OPERATION, "ListOTAFirmware");
            exchange.getIn().setBody(Map.of("CurrentPage", 1, "PageSize", 10));
        });

        assertThat(byUri.getException()).isNull();
        assertThat(byHeader.getException()).isNull();
        assertThat(byUri.getMessage().getBody(Map.class)).containsKey("Data").containsEntry("RequestId", "u-1");
        Sent first = take();
        assertThat(first.action()).isEqualTo("QueryThingModel");
        assertThat(first.own()).containsExactlyInAnyOrderEntriesOf(Map.of("ProductKey", "a1Pk", "ResourceGroupId", "rg-1"));
        Sent second = take();
        assertThat(second.action()).isEqualTo("ListOTAFirmware");
        assertThat(second.own()).containsExactlyInAnyOrderEntriesOf(Map.of("CurrentPage", "1", "PageSize", "10"));
    }
}
