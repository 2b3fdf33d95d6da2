package io.github.cameliot.cloudapi.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link ExplorerAppApiProtocol}: where requests go (appapi signed, tokenapi with the AccessToken), what they hold,
 * and how both answer shapes ({@code Response} and {@code code/msg/data}) are read into one result or exception.
 */
class ExplorerAppApiProtocolTest {

    static final String APP_KEY = "testAppKey0001";
    static final String APP_SECRET = "testAppSecret0001";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ExplorerAppApiProtocol PROTOCOL = new ExplorerAppApiProtocol("https://iot.example.com/api/exploreropen/",
            APP_KEY, APP_SECRET, Set.of("AppGetTokenByWeiXin")::contains, () -> 1552621825L);

    static ActionSpec action(String name) {
        return new ActionSpec(name, List.of(), 0, true, null);
    }

    @Test
    void signsActionsBeforeLoginForAppApi() throws Exception {
        Request request = PROTOCOL.newRequest(action("AppGetTokenByWeiXin"),
                Map.of("WxOpenID", "0123456789", "NickName", "tests", "Avatar", "http://example.com/a.jpg"));

        assertThat(request.url().toString()).isEqualTo("https://iot.example.com/api/exploreropen/appapi");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body().contentType().toString()).startsWith("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = MAPPER.readValue(bodyOf(request), Map.class);
        assertThat(body).containsEntry("Action", "AppGetTokenByWeiXin").containsEntry("AppKey", APP_KEY)
                .containsEntry("Timestamp", 1552621825).containsKeys("RequestId", "Nonce", "Signature")
                .doesNotContainKey("AccessToken");
        assertThat(((Number) body.get("Nonce")).longValue()).isPositive();
        assertThat(body.get("Signature")).isEqualTo(independentSignature(body, APP_SECRET));
    }

    @Test
    void sendsTheTokenToTokenApi() throws Exception {
        Request request = PROTOCOL.newRequest(action("AppGetFamilyList"), Map.of("AccessToken", "tok", "Offset", 0));

        assertThat(request.url().toString()).isEqualTo("https://iot.example.com/api/exploreropen/tokenapi");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = MAPPER.readValue(bodyOf(request), Map.class);
        assertThat(body).containsEntry("Action", "AppGetFamilyList").containsEntry("AccessToken", "tok")
                .containsEntry("Offset", 0).containsKey("RequestId").doesNotContainKeys("Signature", "AppKey", "Nonce");
    }

    @Test
    void refusesTokenApiWithoutAToken() {
        assertThatThrownBy(() -> PROTOCOL.newRequest(action("AppGetFamilyList"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AccessToken");
    }

    @Test
    void choosesThePlatform() {
        assertThat(ExplorerAppApiProtocol.baseUrl(null, null)).isEqualTo(ExplorerAppApiProtocol.DOMESTIC);
        assertThat(ExplorerAppApiProtocol.baseUrl("overseas", null))
                .isEqualTo("https://oversea.iotcloud.tencentiotcloud.com/api/exploreropen/");
        assertThat(ExplorerAppApiProtocol.baseUrl("overseas", "http://127.0.0.1:1/x/")).isEqualTo("http://127.0.0.1:1/x/");
        assertThatThrownBy(() -> ExplorerAppApiProtocol.baseUrl("moon", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheResponseShape() throws IOException {
        ApiResult result = PROTOCOL.read(action("AppCreateFamily"),
                response(200, "{\"Response\":{\"Data\":{\"FamilyId\":\"f1\"},\"RequestId\":\"req_1\"}}"));

        assertThat(result.requestId()).isEqualTo("req_1");
        assertThat(result.fields()).containsEntry("Data", Map.of("FamilyId", "f1"));
    }

    @Test
    void readsTheSdkEnvelopeWithAndWithoutResponse() throws IOException {
        ApiResult wrapped = PROTOCOL.read(action("AppCreateFamily"), response(200,
                "{\"code\":0,\"msg\":\"\",\"data\":{\"Response\":{\"Data\":{\"FamilyId\":\"f1\"},\"RequestId\":\"r1\"}}}"));
        ApiResult flat = PROTOCOL.read(action("AppGetTokenByWeiXin"), response(200,
                "{\"code\":0,\"msg\":\"\",\"data\":{\"Data\":{\"ExpireAt\":1,\"Token\":\"t\"},\"RequestId\":\"rest-client\"}}"));

        assertThat(wrapped.requestId()).isEqualTo("r1");
        assertThat(wrapped.fields()).containsEntry("Data", Map.of("FamilyId", "f1"));
        assertThat(flat.requestId()).isEqualTo("rest-client");
        assertThat(flat.fields()).containsEntry("Data", Map.of("ExpireAt", 1, "Token", "t"));
    }

    @Test
    void readsAnAnswerWithoutWrapperAndTheOtherRequestIdSpellings() throws IOException {
        ApiResult bare = PROTOCOL.read(action("AppGetDeviceExtInfo"), response(200, "{\"Mac\":\"m\",\"RequestID\":\"r2\"}"));
        ApiResult inData = PROTOCOL.read(action("AppCreateDeviceBindToken"),
                response(200, "{\"Response\":{\"Data\":{\"Token\":\"t\",\"RequestId\":\"r3\"}}}"));

        assertThat(bare.requestId()).isEqualTo("r2");
        assertThat(bare.fields()).containsEntry("Mac", "m");
        assertThat(inData.requestId()).isEqualTo("r3");
    }

    @Test
    void readsErrorsOfBothShapes() {
        assertThatThrownBy(() -> PROTOCOL.read(action("AppGetFamilyList"), response(200,
                "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.InvalidAccessToken\",\"Message\":\"Token无效\"},"
                + "\"RequestId\":\"e1\"}}")))
                .isInstanceOfSatisfying(TencentCloudApiException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.InvalidAccessToken");
                    assertThat(e.getErrorMessage()).isEqualTo("Token无效");
                    assertThat(e.getRequestId()).isEqualTo("e1");
                    assertThat(e.isError("InvalidParameterValue")).isTrue();
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThatThrownBy(() -> PROTOCOL.read(action("AppGetFamilyList"), response(200,
                "{\"code\":0,\"msg\":\"\",\"data\":{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"},"
                + "\"RequestId\":\"e2\"}}}")))
                .isInstanceOfSatisfying(TencentCloudApiException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InternalError");
                    assertThat(e.getRequestId()).isEqualTo("e2");
                    assertThat(e.isRetryable()).isTrue();
                });
        assertThatThrownBy(() -> PROTOCOL.read(action("AppGetFamilyList"), response(200,
                "{\"code\":1001,\"msg\":\"bad app\",\"data\":{}}")))
                .isInstanceOfSatisfying(TencentCloudApiException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("1001");
                    assertThat(e.getErrorMessage()).isEqualTo("bad app");
                });
        assertThatThrownBy(() -> PROTOCOL.read(action("AppGetFamilyList"), response(200,
                "{\"code\":2,\"msg\":\"m\",\"data\":{\"Error\":{\"Code\":\"InvalidParameterValue.InvalidAccessToken\","
                + "\"Message\":\"Token无效\"},\"RequestId\":\"e3\"}}")))
                .isInstanceOfSatisfying(TencentCloudApiException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("InvalidParameterValue.InvalidAccessToken");
                    assertThat(e.getRequestId()).isEqualTo("e3");
                });
    }

    @Test
    void readsGatewayErrorsAndTransportFailures() {
        assertThatThrownBy(() -> PROTOCOL.read(action("AppGetFamilyList"), response(502, "<html>bad gateway</html>")))
                .isInstanceOfSatisfying(TencentCloudApiException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("HTTP502");
                    assertThat(e.isRetryable()).isTrue();
                });
        TencentCloudApiException failure = (TencentCloudApiException) PROTOCOL.transportFailure(action("AppGetFamilyList"),
                new ConnectException("refused"));
        assertThat(failure.isNotExecuted()).isTrue();
    }

    /** The documented rules written out again: sorted names, _ as ., empty strings out, HMAC-SHA1, Base64. */
    static String independentSignature(Map<String, Object> body, String secret) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(body).entrySet()) {
            if (e.getKey().equals("Signature") || e.getValue() == null || "".equals(e.getValue())) {
                continue;
            }
            text.append(text.length() == 0 ? "" : "&").append(e.getKey().replace('_', '.')).append('=').append(e.getValue());
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String bodyOf(Request request) throws IOException {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    static Response response(int code, String body) {
        return new Response.Builder()
                .request(new Request.Builder().url("https://iot.example.com/api/exploreropen/tokenapi").build())
                .protocol(Protocol.HTTP_1_1).code(code).message(code == 200 ? "OK" : "Status " + code)
                .body(ResponseBody.create(body, MediaType.get("application/json"))).build();
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
