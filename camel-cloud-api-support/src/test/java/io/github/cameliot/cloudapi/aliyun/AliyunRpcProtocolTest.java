package io.github.cameliot.cloudapi.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.aliyuncs.auth.AcsURLEncoder;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.aliyuncs.http.MethodType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.CloudApiException;
import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.test.AliyunRpcVerifier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link AliyunRpcProtocol}: the requests it builds (common parameters, the flattening of lists, lists of objects,
 * JSON-typed parameters and decimals, the signature, checked independently and against the official SDK core) and
 * how it reads answers (successes, both error shapes, gateway errors that are not the API's JSON, transport failures).
 */
class AliyunRpcProtocolTest {

    static final String ACCESS_KEY_ID = "LTAI5tProtocolTestKey00";
    static final String SECRET = "ProtocolTestSecret000000000000";
    static final String VERSION = "2018-01-20";
    static final Instant NOW = Instant.parse("2025-03-14T01:59:26.789Z");
    static final AliyunApiSettings SETTINGS = new AliyunApiSettings("iot", VERSION, "cn-shanghai", null);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static AliyunRpcProtocol protocol(CloudCredentials credentials) {
        return new AliyunRpcProtocol(SETTINGS, () -> credentials, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AliyunRpcProtocol protocol() {
        return protocol(new CloudCredentials(ACCESS_KEY_ID, SECRET));
    }

    private static ActionSpec action(String name) {
        return new ActionSpec(name, List.of(), 0, false, null);
    }

    private static String body(Request request) throws IOException {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    /** The form body's parameters, decoded, in the order sent. */
    private static LinkedHashMap<String, String> form(Request request) throws IOException {
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body(request).split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            assertThat(parameters.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)))
                    .as("%s sent twice", name).isNull();
        }
        return parameters;
    }

    /** The action's own parameters of a request: all but the common ones. */
    private static Map<String, String> own(Request request) throws IOException {
        Map<String, String> own = new TreeMap<>(form(request));
        own.keySet().removeAll(AliyunRpcVerifier.COMMON);
        return own;
    }

    // ---- requests

    @Test
    void aRequestIsASignedFormPostWithTheCommonParameters() throws Exception {
        Request request = protocol().newRequest(action("QueryProduct"), Map.of("ProductKey", "a1Pk"));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url().toString()).isEqualTo("https://iot.cn-shanghai.aliyuncs.com/");
        assertThat(request.body().contentType().toString()).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(request);
        assertThat(form).containsEntry("Action", "QueryProduct").containsEntry("Format", "JSON")
                .containsEntry("Version", VERSION).containsEntry("AccessKeyId", ACCESS_KEY_ID)
                .containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0")
                .containsEntry("Timestamp", "2025-03-14T01:59:26Z").containsEntry("RegionId", "cn-shanghai")
                .containsEntry("ProductKey", "a1Pk").containsKeys("SignatureNonce", "Signature")
                .doesNotContainKey("SecurityToken").hasSize(11);
        assertThat(form.get("SignatureNonce")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(body(request)).doesNotContain(SECRET);
    }

    @Test
    void everyRequestHasAFreshNonce() throws Exception {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            nonces.add(form(protocol().newRequest(action("QueryProduct"), Map.of("ProductKey", "a1Pk"))).get("SignatureNonce"));
        }
        assertThat(nonces).hasSize(20);
    }

    @Test
    void anStsTokenIsSentAsSecurityTokenAndSigned() throws Exception {
        String token = "CAIS8gF1q6Ft5B2yfSjIr5bQL/7dr+pJ2Y6HbRzJjE0b==";
        Request request = protocol(new CloudCredentials("STS.NUgYrLnoC37m", SECRET, token))
                .newRequest(action("QueryProduct"), Map.of("ProductKey", "a1Pk"));

        assertThat(form(request)).containsEntry("SecurityToken", token).containsEntry("AccessKeyId", "STS.NUgYrLnoC37m");
        assertSignedAsTheSdkSigns(request, SECRET);
    }

    @Test
    void listsAreFlattenedFromOneAndListsOfObjectsByField() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ProductKey", "a1Pk");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            names.add("dev" + i);
        }
        parameters.put("DeviceName", names);
        parameters.put("ProductTag", List.of(Map.of("TagKey", "floor", "TagValue", "3"),
                Map.of("TagKey", "room", "TagValue", "a b&c")));

        Map<String, String> own = own(protocol().newRequest(action("X"), parameters));

        Map<String, String> expected = new TreeMap<>();
        expected.put("ProductKey", "a1Pk");
        for (int i = 1; i <= 11; i++) {
            expected.put("DeviceName." + i, "dev" + i);
        }
        expected.put("ProductTag.1.TagKey", "floor");
        expected.put("ProductTag.1.TagValue", "3");
        expected.put("ProductTag.2.TagKey", "room");
        expected.put("ProductTag.2.TagValue", "a b&c");
        assertThat(own).isEqualTo(expected);
    }

    @Test
    void arraysAreFlattenedLikeLists() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("DeviceName", new String[] { "dev1", "dev2" });
        parameters.put("Tag", new Object[] { Map.of("TagKey", "floor", "TagValue", 3) });

        assertThat(own(protocol().newRequest(action("X"), parameters))).isEqualTo(Map.of("DeviceName.1", "dev1",
                "DeviceName.2", "dev2", "Tag.1.TagKey", "floor", "Tag.1.TagValue", "3"));
    }

    @Test
    void objectsAreSentAsJsonTextAndNullsAreLeftOut() throws Exception {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("LightSwitch", 1);
        items.put("Mode", "a b");
        items.put("Colour", List.of(1, 2));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Items", items);
        parameters.put("Absent", null);
        parameters.put("Flag", true);
        parameters.put("Big", new BigInteger("18446744073709551615"));
        parameters.put("Time", 1516538300303L);
        // an object in a list item's field is JSON text too
        parameters.put("Device", List.of(Map.of("ProductKey", "a1Pk", "Extra", Map.of("k", "v"))));

        Map<String, String> own = own(protocol().newRequest(action("X"), parameters));

        assertThat(own).containsOnlyKeys("Items", "Flag", "Big", "Time", "Device.1.ProductKey", "Device.1.Extra");
        assertThat(MAPPER.readTree(own.get("Items"))).isEqualTo(MAPPER.readTree("{\"LightSwitch\":1,\"Mode\":\"a b\",\"Colour\":[1,2]}"));
        assertThat(own).containsEntry("Flag", "true").containsEntry("Big", "18446744073709551615")
                .containsEntry("Time", "1516538300303").containsEntry("Device.1.ProductKey", "a1Pk")
                .containsEntry("Device.1.Extra", "{\"k\":\"v\"}");
    }

    @Test
    void aJsonStringParameterIsSentExactlyAsGiven() throws Exception {
        String args = "{     \"walk\":\"a~z\",     \"city\":\"shanghai\" }";
        Request request = protocol().newRequest(action("InvokeThingsService"), Map.of("Args", args));

        assertThat(own(request)).containsExactlyEntriesOf(Map.of("Args", args));
        // the doc's example encoding: spaces as %20, '~' kept
        assertThat(body(request)).contains("Args=%7B%20%20%20%20%20%22walk%22%3A%22a~z%22%2C");
    }

    @Test
    void decimalsAreWrittenPlainNeverInExponentNotation() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Thousand", new BigDecimal("1E+3"));
        parameters.put("Tiny", new BigDecimal("1E-7"));
        parameters.put("Exact", new BigDecimal("21.50"));
        parameters.put("Node", MAPPER.readTree("[{\"V\":1.0E-7},{\"V\":12},{\"V\":2.5E3}]"));

        Map<String, String> own = own(protocol().newRequest(action("X"), parameters));

        assertThat(own).containsEntry("Thousand", "1000").containsEntry("Tiny", "0.0000001").containsEntry("Exact", "21.50")
                .containsEntry("Node.2.V", "12");
        for (String name : List.of("Node.1.V", "Node.3.V")) {
            assertThat(own.get(name)).as(name).doesNotContain("E").doesNotContain("e");
        }
        assertThat(new BigDecimal(own.get("Node.1.V"))).isEqualByComparingTo("1E-7");
        assertThat(new BigDecimal(own.get("Node.3.V"))).isEqualByComparingTo("2500");
    }

    @Test
    void aJsonObjectNodeIsSentAsJsonText() throws Exception {
        JsonNode items = MAPPER.readTree("{\"Mode\":\"a b\",\"Level\":{\"x\":[1,2]}}");
        Map<String, String> own = own(protocol().newRequest(action("SetDeviceProperty"), Map.of("Items", items)));

        assertThat(own).containsOnlyKeys("Items");
        assertThat(MAPPER.readTree(own.get("Items"))).isEqualTo(items);
    }

    @Test
    void aJsonNodeListIsFlattenedLikeAList() throws Exception {
        JsonNode tags = MAPPER.readTree("[{\"TagKey\":\"floor\",\"TagValue\":\"3\"},{\"TagKey\":\"room\",\"TagValue\":null}]");
        JsonNode names = MAPPER.readTree("[\"dev1\",\"dev2\"]");
        Map<String, String> own = own(protocol().newRequest(action("X"), Map.of("Tag", tags, "DeviceName", names)));

        assertThat(own).isEqualTo(Map.of("Tag.1.TagKey", "floor", "Tag.1.TagValue", "3", "Tag.2.TagKey", "room",
                "DeviceName.1", "dev1", "DeviceName.2", "dev2"));
    }

    @Test
    void theEndpointSettingReplacesTheRegionalHost() throws Exception {
        AliyunRpcProtocol local = new AliyunRpcProtocol(new AliyunApiSettings("iot", VERSION, "ap-southeast-1",
                "http://127.0.0.1:8080/"), () -> new CloudCredentials(ACCESS_KEY_ID, SECRET));
        Request request = local.newRequest(action("QueryProduct"), Map.of());
        assertThat(request.url().toString()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(form(request)).containsEntry("RegionId", "ap-southeast-1");
        assertThat(new AliyunApiSettings("iot", VERSION, "eu-central-1", null).url().toString())
                .isEqualTo("https://iot.eu-central-1.aliyuncs.com/");
        assertThatThrownBy(() -> new AliyunApiSettings("iot", VERSION, " ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regionId");
    }

    // ---- signatures

    /**
     * The request's signature is the one the official SDK core computes over the parameters sent (its RPC
     * StringToSign composer and HMAC-SHA1 signer), and its form body is the SDK's encoding of them.
     */
    private static void assertSignedAsTheSdkSigns(Request request, String secret) throws IOException {
        Map<String, String> sent = form(request);
        TreeMap<String, String> signed = new TreeMap<>(sent);
        String signature = signed.remove("Signature");
        String stringToSign = RpcSignatureComposer.getComposer()
                .composeStringToSign(MethodType.POST, null, new HmacSHA1Signer(), signed, null, null);
        assertThat(signature).as("the signature of %s", sent.get("Action"))
                .isEqualTo(new HmacSHA1Signer().signString(stringToSign, secret + "&"));

        StringBuilder sdkEncoded = new StringBuilder();
        for (Map.Entry<String, String> parameter : new TreeMap<>(sent).entrySet()) {
            if (sdkEncoded.length() > 0) {
                sdkEncoded.append('&');
            }
            sdkEncoded.append(AcsURLEncoder.percentEncode(parameter.getKey())).append('=')
                    .append(AcsURLEncoder.percentEncode(parameter.getValue()));
        }
        assertThat(body(request)).isEqualTo(sdkEncoded.toString());
    }

    @Test
    void requestsBuiltByTheProtocolAreSignedAsTheSdkSigns() throws Exception {
        AliyunRpcProtocol protocol = protocol();
        String payload = Base64.getEncoder().encodeToString("{\"t\": \"??>>~~ 温度 >?\"}".getBytes(StandardCharsets.UTF_8));
        assertSignedAsTheSdkSigns(protocol.newRequest(action("Pub"), Map.of("ProductKey", "a1Pk",
                "TopicFullName", "/a1Pk/设备 1/user/get", "MessageContent", payload, "Qos", 1)), SECRET);
        assertSignedAsTheSdkSigns(protocol.newRequest(action("SetDeviceProperty"), Map.of("IotId", "Q7uOhVRd****00100",
                "Items", Map.of("Mode", "a b*c~d/é+=&", "Level", new BigDecimal("0.5")))), SECRET);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            names.add("device " + i);
        }
        assertSignedAsTheSdkSigns(protocol.newRequest(action("BatchCheckDeviceNames"),
                Map.of("ProductKey", "a1Pk", "DeviceName", names)), SECRET);
        assertSignedAsTheSdkSigns(protocol.newRequest(action("CreateProductTags"), Map.of("ProductKey", "a1Pk",
                "ProductTag", List.of(Map.of("TagKey", "owner", "TagValue", "O'Brien & Sons (客户)")))), SECRET);
        assertSignedAsTheSdkSigns(protocol(new CloudCredentials("STS.key", "secret with spaces & ümlauts", "tok/en+=="))
                .newRequest(action("UpdateDeviceShadow"), Map.of("ProductKey", "a1Pk", "DeviceName", "dev1",
                        "ShadowMessage", "{\"method\":\"update\",\"state\":{\"desired\":{\"color\":\"green\"}},\"version\":2}")),
                "secret with spaces & ümlauts");
    }

    /** Sent for real, the request passes the independent check of {@link AliyunRpcVerifier}. */
    @Test
    void aSentRequestPassesTheIndependentCheck() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"RequestId\":\"r\",\"Success\":true}").build());
            server.start();
            AliyunRpcProtocol protocol = new AliyunRpcProtocol(new AliyunApiSettings("iot", VERSION, "cn-shanghai",
                    server.url("/").toString()), () -> new CloudCredentials(ACCESS_KEY_ID, SECRET, "sts-token"));
            OkHttpClient http = new OkHttpClient();
            try (Response response = http.newCall(protocol.newRequest(action("CreateProductTags"), Map.of("ProductKey", "a1Pk",
                    "ProductTag", List.of(Map.of("TagKey", "k 1", "TagValue", "v/1"))))).execute()) {
                assertThat(protocol.read(action("CreateProductTags"), response).requestId()).isEqualTo("r");
            }
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(AliyunRpcVerifier.verify(request, VERSION, SECRET)).isEqualTo(Map.of("ProductKey", "a1Pk",
                    "ProductTag.1.TagKey", "k 1", "ProductTag.1.TagValue", "v/1"));
            assertThat(AliyunRpcVerifier.parameters(request)).containsEntry("SecurityToken", "sts-token");
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    // ---- answers

    private static Response response(int code, String contentType, String body) {
        return new Response.Builder()
                .request(new Request.Builder().url("https://iot.cn-shanghai.aliyuncs.com/").build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message(code == 200 ? "OK" : "Status " + code)
                .body(ResponseBody.create(body, contentType == null ? null : MediaType.get(contentType)))
                .build();
    }

    private static AliyunCloudApiException failure(String action, int code, String contentType, String body) {
        try {
            protocol().read(action(action), response(code, contentType, body));
        } catch (AliyunCloudApiException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("read failed with " + e, e);
        }
        throw new AssertionError("no exception for HTTP " + code + " " + body);
    }

    @Test
    void aSuccessIsTheAnswersFieldsWithExactNumbers() throws Exception {
        ApiResult result = protocol().read(action("Pub"), response(200, "application/json",
                "{\"RequestId\":\"r-1\",\"Success\":true,\"MessageId\":889455942124347329,"
                + "\"Data\":{\"Big\":18446744073709551615,\"Value\":21.50,\"ErrorMessage\":\"\"}}"));

        assertThat(result.requestId()).isEqualTo("r-1");
        assertThat(result.fields().get("MessageId")).hasToString("889455942124347329");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) result.fields().get("Data");
        assertThat(data.get("Big")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(data.get("Value")).isEqualTo(new BigDecimal("21.50"));
    }

    @Test
    void aSuccessWithAnErrorMessageIsStillASuccess() throws Exception {
        // BatchAddDeviceGroupRelations fills ErrorMessage on success; only Success and the status decide
        ApiResult result = protocol().read(action("BatchAddDeviceGroupRelations"), response(200, "application/json",
                "{\"RequestId\":\"r-2\",\"Success\":true,\"ErrorMessage\":\"some devices were already in the group\"}"));
        assertThat(result.fields()).containsEntry("Success", true);
    }

    @Test
    void anHttpErrorWithCodeAndMessage() {
        AliyunCloudApiException e = failure("QueryProduct", 404, "application/json",
                "{\"RequestId\":\"8906582E-6722-409A-A6C4-0E7863B733A5\",\"Code\":\"UnsupportedOperation\","
                + "\"Message\":\"The specified action is not supported.\"}");

        assertThat(e.getErrorCode()).isEqualTo("UnsupportedOperation");
        assertThat(e.getErrorMessage()).isEqualTo("The specified action is not supported.");
        assertThat(e.getRequestId()).isEqualTo("8906582E-6722-409A-A6C4-0E7863B733A5");
        assertThat(e.getAction()).isEqualTo("QueryProduct");
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.isNotExecuted()).isFalse();
        assertThat(e).hasMessage("QueryProduct failed: UnsupportedOperation: The specified action is not supported. "
                                 + "(RequestId 8906582E-6722-409A-A6C4-0E7863B733A5) [HTTP 404]");
    }

    @Test
    void successFalseWithCodeAndErrorMessage() {
        AliyunCloudApiException e = failure("QueryDeviceDetail", 200, "application/json;charset=utf-8",
                "{\"RequestId\":\"r-3\",\"Success\":false,\"Code\":\"iot.device.NotExistedDevice\",\"ErrorMessage\":\"no such device\"}");

        assertThat(e.getErrorCode()).isEqualTo("iot.device.NotExistedDevice");
        assertThat(e.getErrorMessage()).isEqualTo("no such device");
        assertThat(e.getRequestId()).isEqualTo("r-3");
        assertThat(e.getHttpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();

        // Success as text, and Message in place of ErrorMessage
        AliyunCloudApiException text = failure("GetRule", 200, "application/json",
                "{\"RequestId\":\"r-4\",\"Success\":\"false\",\"Code\":\"iot.rule.NotFoundRule\",\"Message\":\"no rule\"}");
        assertThat(text.getErrorCode()).isEqualTo("iot.rule.NotFoundRule");
        assertThat(text.getErrorMessage()).isEqualTo("no rule");
    }

    @Test
    void misspelledCodesAreKeptVerbatim() {
        for (String code : List.of("iot.rule.IncorrentRuleId", "iot.messageborker.QueryTopicRouteTableListActionError",
                "iot.device.IncorrentDeviceApplyInfo")) {
            AliyunCloudApiException e = failure("X", 200, "application/json",
                    "{\"RequestId\":\"r\",\"Success\":false,\"Code\":\"" + code + "\",\"ErrorMessage\":\"m\"}");
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(code);
        }
    }

    @Test
    void systemErrorsAreRetryableButOnlyThrottlingProvesTheActionDidNotRun() {
        AliyunCloudApiException system = failure("Pub", 200, "application/json",
                "{\"RequestId\":\"r\",\"Success\":false,\"Code\":\"iot.system.SystemException\",\"ErrorMessage\":\"m\"}");
        assertThat(system.isRetryable()).isTrue();
        assertThat(system.isNotExecuted()).isFalse();

        AliyunCloudApiException throttled = failure("Pub", 200, "application/json",
                "{\"RequestId\":\"r\",\"Success\":false,\"Code\":\"iot.messagebroker.RateLimit\",\"ErrorMessage\":\"m\"}");
        assertThat(throttled.isRetryable()).isTrue();
        assertThat(throttled.isNotExecuted()).isTrue();

        AliyunCloudApiException gatewayThrottled = failure("Pub", 400, "application/json",
                "{\"RequestId\":\"r\",\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}");
        assertThat(gatewayThrottled.isRetryable()).isTrue();
        assertThat(gatewayThrottled.isNotExecuted()).isTrue();

        AliyunCloudApiException unavailable = failure("Pub", 503, "application/json",
                "{\"RequestId\":\"r\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}");
        assertThat(unavailable.isRetryable()).isTrue();
        assertThat(unavailable.isNotExecuted()).isTrue();
        assertThat(unavailable.getHttpStatus()).isEqualTo(503);

        AliyunCloudApiException internal = failure("Pub", 500, "application/json",
                "{\"RequestId\":\"r\",\"Code\":\"InternalError\",\"Message\":\"oops\"}");
        assertThat(internal.isRetryable()).isTrue();
        assertThat(internal.isNotExecuted()).isFalse();

        AliyunCloudApiException offline = failure("Pub", 200, "application/json",
                "{\"RequestId\":\"r\",\"Success\":false,\"Code\":\"iot.messagebroker.OFFLINE\",\"ErrorMessage\":\"offline\"}");
        assertThat(offline.isRetryable()).isFalse();
    }

    @Test
    void gatewayErrorsThatAreNotTheApisJson() {
        AliyunCloudApiException badGateway = failure("Pub", 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
        assertThat(badGateway.getErrorCode()).isEqualTo("HTTP502");
        assertThat(badGateway.getRequestId()).isNull();
        assertThat(badGateway.getHttpStatus()).isEqualTo(502);
        assertThat(badGateway.isRetryable()).isTrue();
        assertThat(badGateway.isNotExecuted()).isFalse();
        assertThat(badGateway.getMessage()).startsWith("Pub failed: HTTP502");

        for (int status : new int[] { 429, 503 }) {
            AliyunCloudApiException refused = failure("Pub", status, "text/plain", "slow down");
            assertThat(refused.getErrorCode()).isEqualTo("HTTP" + status);
            assertThat(refused.isRetryable()).as("%s", status).isTrue();
            assertThat(refused.isNotExecuted()).as("%s", status).isTrue();
        }

        AliyunCloudApiException forbidden = failure("Pub", 403, null, "");
        assertThat(forbidden.getErrorCode()).isEqualTo("HTTP403");
        assertThat(forbidden.isRetryable()).isFalse();

        // JSON without the API's Code: still the gateway's
        AliyunCloudApiException noCode = failure("Pub", 400, "application/json", "{\"error\":\"bad\"}");
        assertThat(noCode.getErrorCode()).isEqualTo("HTTP400");
        assertThat(noCode.isRetryable()).isFalse();

        // an answer of 200 that is not JSON (XML from a proxy, an HTML page) is no success
        AliyunCloudApiException xml = failure("Pub", 200, "text/xml", "<PubResponse><RequestId>r</RequestId></PubResponse>");
        assertThat(xml.getErrorCode()).isEqualTo("HTTP200");
        assertThat(xml.isRetryable()).isFalse();
    }

    @Test
    void transportFailures() {
        CloudApiException timeout = protocol().transportFailure(action("Pub"), new SocketTimeoutException("timeout"));
        assertThat(timeout).isInstanceOf(AliyunCloudApiException.class);
        assertThat(timeout.getErrorCode()).isEqualTo("RequestTimeout");
        assertThat(timeout.isRetryable()).isTrue();
        assertThat(timeout.isNotExecuted()).isFalse();
        assertThat(timeout.getHttpStatus()).isZero();
        assertThat(timeout.getRequestId()).isNull();

        CloudApiException refused = protocol().transportFailure(action("Pub"), new ConnectException("Connection refused"));
        assertThat(refused.getErrorCode()).isEqualTo("ConnectionFailure");
        assertThat(refused.isRetryable()).isTrue();
        assertThat(refused.isNotExecuted()).isTrue();
        assertThat(refused.getCause()).isInstanceOf(ConnectException.class);
    }
}
