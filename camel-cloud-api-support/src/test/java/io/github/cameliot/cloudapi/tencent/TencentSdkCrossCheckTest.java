package io.github.cameliot.cloudapi.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Proxy;
import java.util.List;
import java.util.Map;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Java SDK (test scope only) as the oracle of the v3 signature: the SDK's {@link CommonClient} sends an
 * action; {@link TencentApiProtocol} then signs the same body bytes with the same timestamp, and both requests must
 * carry the same {@code Authorization}.
 * <p>
 * The SDK takes the credential scope's service from the first label of its endpoint host, so both clients address
 * {@code iotcloud.tencentcloudapi.com} over plain HTTP and reach the {@link MockWebServer} as their HTTP proxy: the
 * server records each request exactly as sent, with the Host header that was signed.
 */
class TencentSdkCrossCheckTest {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3*******";
    static final String HOST = "iotcloud.tencentcloudapi.com";

    private MockWebServer server;
    private OkHttpClient viaProxy;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        viaProxy = new OkHttpClient.Builder().proxy(new Proxy(Proxy.Type.HTTP, server.getSocketAddress())).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DescribeDevice             | {"ProductId":"ABCDE12345","DeviceName":"abc"}
            PublishMessage             | {"Topic":"RL0BAZKZ6V/dev1/control","Payload":"aGFoYWhh","ProductId":"RL0BAZKZ6V","DeviceName":"dev1","Qos":1,"PayloadEncoding":"base64"}
            CreateDevice               | {"ProductId":"RL0BAZKZ6V","DeviceName":"dev2","Attribute":{"Tags":[{"Tag":"note","Type":1,"Value":"温度传感器 #2"}]},"DefinedPsk":"c2VjcmV0cHNr"}
            SetProductsForbiddenStatus | {"ProductId":["productID1","productID2"],"Status":1}
            DescribeDevices            | {"ProductId":"RL0BAZKZ6V","Offset":0,"Limit":250,"Enabled":true}
            DescribeProducts           | {}
            """)
    void authorizationMatchesTheOfficialSdk(String action, String json) throws Exception {
        RecordedRequest sdk = sendWithSdk(action, json);
        byte[] sdkBody = sdk.getBody().toByteArray();
        long timestamp = Long.parseLong(sdk.getHeaders().get("X-TC-Timestamp"));
        assertThat(sdk.getHeaders().get("Host")).isEqualTo(HOST);
        assertThat(sdk.getHeaders().get("Content-Type")).isEqualTo(TencentApiProtocol.CONTENT_TYPE);
        assertThat(sdk.getHeaders().get("Authorization"))
                .startsWith("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/")
                .contains("/iotcloud/tc3_request, SignedHeaders=content-type;host, Signature=");

        // the same parameters serialize to the same bytes
        Map<String, Object> parameters = Json.readMap(sdkBody);
        if (!parameters.isEmpty()) {
            assertThat(Json.write(parameters)).isEqualTo(sdkBody);
        }

        TencentApiProtocol protocol = new TencentApiProtocol(
                new TencentApiSettings("iotcloud", "2021-04-08", "ap-guangzhou", "http://" + HOST + "/", null),
                () -> new CloudCredentials(SECRET_ID, SECRET_KEY), () -> timestamp);
        RecordedRequest ours = send(protocol.newRequest(new ActionSpec(action, List.of(), 20, true, null), parameters));

        assertThat(ours.getBody().toByteArray()).isEqualTo(sdkBody);
        Headers headers = ours.getHeaders();
        for (String name : List.of("Host", "Content-Type", "X-TC-Action", "X-TC-Version", "X-TC-Region", "X-TC-Timestamp")) {
            assertThat(headers.get(name)).as(name).isEqualTo(sdk.getHeaders().get(name));
        }
        assertThat(headers.get("Authorization")).isEqualTo(sdk.getHeaders().get("Authorization"));
        assertThat(headers.get("X-TC-Token")).isNull();
        Tc3Verifier.assertSigned(sdk, "iotcloud", SECRET_ID, SECRET_KEY);
        Tc3Verifier.assertSigned(ours, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DescribeDevice | {"ProductId":"ABCDE12345","DeviceName":"abc"}
            PublishMessage | {"Topic":"P/d/data","Payload":"aGk","ProductId":"P","DeviceName":"d"}
            """)
    void temporaryCredentialsSendTheTokenAndSignAlike(String action, String json) throws Exception {
        String token = "sts-token-value";
        RecordedRequest sdk = sendWithSdk(action, json, new Credential(SECRET_ID, SECRET_KEY, token));
        long timestamp = Long.parseLong(sdk.getHeaders().get("X-TC-Timestamp"));

        TencentApiProtocol protocol = new TencentApiProtocol(
                new TencentApiSettings("iotcloud", "2021-04-08", "ap-guangzhou", "http://" + HOST + "/", null),
                () -> new CloudCredentials(SECRET_ID, SECRET_KEY, token), () -> timestamp);
        RecordedRequest ours = send(protocol.newRequest(new ActionSpec(action, List.of(), 20, false, null),
                Json.readMap(sdk.getBody().toByteArray())));

        assertThat(ours.getHeaders().get("X-TC-Token")).isEqualTo(token).isEqualTo(sdk.getHeaders().get("X-TC-Token"));
        assertThat(ours.getHeaders().get("Authorization")).isEqualTo(sdk.getHeaders().get("Authorization"));
    }

    private RecordedRequest sendWithSdk(String action, String json) throws Exception {
        return sendWithSdk(action, json, new Credential(SECRET_ID, SECRET_KEY));
    }

    private RecordedRequest sendWithSdk(String action, String json, Credential credential) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"sdk-request\"}}").build());
        HttpProfile http = new HttpProfile();
        http.setEndpoint(HOST);
        http.setProtocol(HttpProfile.REQ_HTTP);
        http.setReqMethod(HttpProfile.REQ_POST);
        http.setProxyHost(server.getHostName());
        http.setProxyPort(server.getPort());
        ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, http);
        CommonClient client = new CommonClient("iotcloud", "2021-04-08", credential, "ap-guangzhou", profile);
        assertThat(client.commonRequest(new CommonRequest(json), action)).contains("sdk-request");
        return server.takeRequest();
    }

    private RecordedRequest send(Request request) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"ours\"}}").build());
        try (Response response = viaProxy.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        return server.takeRequest();
    }
}
