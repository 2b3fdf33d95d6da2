package io.github.cameliot.cloudapi.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier against the derived vectors V3-C and V3-D, from requests a MockWebServer really received. */
class Tc3VerifierTest {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3*******";
    static final String HOST = "iotcloud.tencentcloudapi.com";

    static final String V3C_AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/iotcloud/tc3_request, "
            + "SignedHeaders=content-type;host;x-tc-action, Signature=b2d8b9d2c7e6a81144ba3c320f2bc0516cc38f7661f7afd45b672e1801fe27d3";
    static final String V3D_AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2023-11-14/iotcloud/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=807ddafadc58e6615af189f1465999a7c3d28592d446833be4e3f5796a4968c9";

    private final OkHttpClient http = new OkHttpClient();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void v3cSignedActionHeader() throws Exception {
        RecordedRequest request = send("application/json; charset=utf-8", "1551113065", V3C_AUTHORIZATION,
                "{\"ProductId\":\"ABCDE12345\",\"DeviceName\":\"abc\"}");

        assertThat(Tc3Verifier.expectedAuthorization(request, "iotcloud", SECRET_ID, SECRET_KEY)).isEqualTo(V3C_AUTHORIZATION);
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    @Test
    void v3dMinimalHeaders() throws Exception {
        RecordedRequest request = send("application/json", "1700000000", V3D_AUTHORIZATION,
                "{\"ProductId\":\"RL0BAZKZ6V\",\"DeviceName\":\"dev1\",\"Topic\":\"RL0BAZKZ6V/dev1/control\","
                + "\"Payload\":\"aGFoYWhh\",\"PayloadEncoding\":\"base64\",\"Qos\":0}");

        assertThat(Tc3Verifier.expectedAuthorization(request, "iotcloud", SECRET_ID, SECRET_KEY)).isEqualTo(V3D_AUTHORIZATION);
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    @Test
    void rejectsAWrongKeyServiceOrBodyWithoutShowingTheKey() throws Exception {
        RecordedRequest request = send("application/json", "1700000000", V3D_AUTHORIZATION,
                "{\"ProductId\":\"RL0BAZKZ6V\",\"DeviceName\":\"dev1\",\"Topic\":\"RL0BAZKZ6V/dev1/control\","
                + "\"Payload\":\"aGFoYWhh\",\"PayloadEncoding\":\"base64\",\"Qos\":1}");

        assertThatThrownBy(() -> Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Signature=807ddafadc58e6615af189f1465999a7c3d28592d446833be4e3f5796a4968c9")
                .hasMessageNotContaining(SECRET_KEY);
        RecordedRequest good = send("application/json", "1700000000", V3D_AUTHORIZATION,
                "{\"ProductId\":\"RL0BAZKZ6V\",\"DeviceName\":\"dev1\",\"Topic\":\"RL0BAZKZ6V/dev1/control\","
                + "\"Payload\":\"aGFoYWhh\",\"PayloadEncoding\":\"base64\",\"Qos\":0}");
        assertThatThrownBy(() -> Tc3Verifier.assertSigned(good, "iotcloud", SECRET_ID, "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Tc3Verifier.assertSigned(good, "iotexplorer", SECRET_ID, SECRET_KEY))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void requiresContentTypeAndHostSigned() throws Exception {
        RecordedRequest request = send("application/json", "1700000000",
                "TC3-HMAC-SHA256 Credential=x/2023-11-14/iotcloud/tc3_request, SignedHeaders=host, Signature=00", "{}");

        assertThatThrownBy(() -> Tc3Verifier.expectedAuthorization(request, "iotcloud", SECRET_ID, SECRET_KEY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("content-type and host must be signed");
    }

    /** Sends a POST whose Host header claims the Tencent host, as a signed request would carry. */
    private RecordedRequest send(String contentType, String timestamp, String authorization, String body) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"r\"}}").build());
        Request request = new Request.Builder()
                .url(server.url("/"))
                .header("Host", HOST)
                .header("Authorization", authorization)
                .header("X-TC-Action", "DescribeDevice")
                .header("X-TC-Timestamp", timestamp)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType)))
                .build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().get("Host")).isEqualTo(HOST);
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo(contentType);
        return recorded;
    }
}
