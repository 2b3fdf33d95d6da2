package io.github.cameliot.cloudapi.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.TreeMap;

import com.aliyuncs.AcsResponse;
import com.aliyuncs.RpcAcsRequest;
import com.aliyuncs.auth.AcsURLEncoder;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.auth.Signer;
import com.aliyuncs.auth.signers.HmacSHA1Signer;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.regions.ProductDomain;
import org.junit.jupiter.api.Test;

/**
 * {@link AliyunRpcSigner} against the official Alibaba Cloud SDK core ({@code com.aliyun:aliyun-java-sdk-core}): its
 * RPC signature composer, HMAC-SHA1 signer and URL encoder, and its whole request signing path.
 */
class AliyunRpcSignerSdkTest {

    static final String ACCESS_KEY_ID = "LTAI5tTestAccessKeyId";
    static final String SECRET = "TestAccessKeySecret0123456789ab";

    static final Signer SDK_SIGNER = new HmacSHA1Signer();

    static TreeMap<String, String> common(String action) {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("Action", action);
        parameters.put("Format", "JSON");
        parameters.put("Version", "2018-01-20");
        parameters.put("AccessKeyId", ACCESS_KEY_ID);
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", "4f3b1c5e-9a0d-4f7e-8a51-2c6d0e9b7a13");
        parameters.put("Timestamp", "2025-03-14T01:59:26Z");
        parameters.put("RegionId", "cn-shanghai");
        return parameters;
    }

    /** Our StringToSign and signature are the SDK's, for both methods. */
    static void assertSameAsSdk(TreeMap<String, String> parameters, String secret) {
        for (MethodType method : new MethodType[] {MethodType.GET, MethodType.POST}) {
            String sdkStringToSign = RpcSignatureComposer.getComposer()
                    .composeStringToSign(method, null, SDK_SIGNER, parameters, null, null);
            String stringToSign = AliyunRpcSigner.stringToSign(method.name(), parameters);
            assertThat(stringToSign).as("%s %s", method, parameters).isEqualTo(sdkStringToSign);
            assertThat(AliyunRpcSigner.sign(method.name(), parameters, secret)).as("%s %s", method, parameters)
                    .isEqualTo(SDK_SIGNER.signString(sdkStringToSign, secret + "&"));
        }
    }

    @Test
    void docVectors() {
        String tv1 = RpcSignatureComposer.getComposer()
                .composeStringToSign(MethodType.GET, null, SDK_SIGNER, AliyunRpcSignerTest.tv1Parameters(), null, null);
        assertThat(tv1).isEqualTo(AliyunRpcSignerTest.TV1_STRING_TO_SIGN);
        assertThat(SDK_SIGNER.signString(tv1, AliyunRpcSignerTest.TV1_SECRET + "&")).isEqualTo(AliyunRpcSignerTest.TV1_SIGNATURE);
        assertSameAsSdk(AliyunRpcSignerTest.tv1Parameters(), AliyunRpcSignerTest.TV1_SECRET);

        String tv2 = RpcSignatureComposer.getComposer()
                .composeStringToSign(MethodType.GET, null, SDK_SIGNER, AliyunRpcSignerTest.tv2Parameters(), null, null);
        assertThat(tv2).isEqualTo(AliyunRpcSignerTest.TV2_STRING_TO_SIGN);
        assertThat(SDK_SIGNER.signString(tv2, AliyunRpcSignerTest.TV2_SECRET + "&"))
                .isEqualTo(AliyunRpcSignerTest.TV2_SIGNATURE_CATALOG);
        assertSameAsSdk(AliyunRpcSignerTest.tv2Parameters(), AliyunRpcSignerTest.TV2_SECRET);
    }

    @Test
    void pubWithMessageContent() {
        TreeMap<String, String> parameters = common("Pub");
        parameters.put("ProductKey", "a1BwAGV****");
        parameters.put("TopicFullName", "/a1BwAGV****/device1/user/get");
        // Base64 of a JSON payload, with '+', '/' and '=' in it
        parameters.put("MessageContent", Base64.getEncoder().encodeToString(
                "{\"t\": \"??>>~~ 温度 >?\"}".getBytes(StandardCharsets.UTF_8)));
        parameters.put("Qos", "1");
        assertThat(parameters.get("MessageContent")).contains("+").contains("/").endsWith("=");
        assertSameAsSdk(parameters, SECRET);
    }

    @Test
    void registerDevice() {
        TreeMap<String, String> parameters = common("RegisterDevice");
        parameters.put("ProductKey", "a1BwAGV****");
        parameters.put("DeviceName", "light_01-a.b@c");
        parameters.put("Nickname", "Living room light");
        assertSameAsSdk(parameters, SECRET);
    }

    @Test
    void listParameters() {
        TreeMap<String, String> parameters = common("BatchCheckDeviceNames");
        parameters.put("ProductKey", "a1BwAGV****");
        for (int i = 1; i <= 12; i++) {
            parameters.put("DeviceName." + i, "device" + i);
        }
        assertThat(AliyunRpcSigner.canonicalQuery(parameters))
                .contains("&DeviceName.1=device1&DeviceName.10=device10&DeviceName.11=device11&DeviceName.12=device12"
                          + "&DeviceName.2=device2&");
        assertSameAsSdk(parameters, SECRET);

        TreeMap<String, String> tags = common("SaveDeviceProp");
        tags.put("IotId", "Q7uOhVRdZRRlDnTLv****00100");
        tags.put("Props", "{\"color\":\"red\",\"room\":\"卧室\"}");
        tags.put("Tag.1.TagKey", "floor");
        tags.put("Tag.1.TagValue", "3");
        tags.put("Tag.2.TagKey", "owner");
        tags.put("Tag.2.TagValue", "O'Brien & Sons");
        assertSameAsSdk(tags, SECRET);
    }

    @Test
    void nonAsciiAndSpaces() {
        TreeMap<String, String> parameters = common("BatchUpdateDeviceNickname");
        parameters.put("DeviceNicknameInfo.1.ProductKey", "a1BwAGV****");
        parameters.put("DeviceNicknameInfo.1.DeviceName", "device1");
        parameters.put("DeviceNicknameInfo.1.Nickname", "客厅 温度传感器 #1 (主)");
        parameters.put("DeviceNicknameInfo.2.Nickname", "Capteur de temp\u00e9\u00adrature \uD83C\uDF21 *~+%20");
        parameters.put("Args", "{     \"walk\":\"a~z\",     \"city\":\"shanghai\" }");
        parameters.put("Items", "{\"LightSwitch\": 1,\n\t\"Mode\": \"a b\"}");
        assertSameAsSdk(parameters, "secret with spaces & ümlauts");
    }

    @Test
    void securityToken() {
        TreeMap<String, String> parameters = common("QueryDeviceDetail");
        parameters.put("AccessKeyId", "STS.NUgYrLnoC37mZZCNnAbez****");
        parameters.put("SecurityToken", "CAIS8gF1q6Ft5B2yfSjIr5bQL/7dr+pJ2Y6HbRzJjE0bcrhPm6Ttoz2IHxPeHJrBe8Aa"
                + "MR5ODSvTvCoF8sGqvq0mzo0fR+kBaxlimX4N5ZiHtJ8rg8Xz1I3Re7/Ga+Ra2sWpV9X6Iyc0V0aOpfABEbKT8L+4XTAT5dfRN"
                + "zkTY9m/k+mp8JdCogwr5K2ex8SgPHc=");
        parameters.put("ProductKey", "a1BwAGV****");
        parameters.put("DeviceName", "device1");
        assertSameAsSdk(parameters, SECRET);
    }

    /** The SDK's whole signing path (it adds the nonce, timestamp, token and signature itself), query and form. */
    @Test
    void sdkSignedRequests() throws Exception {
        for (MethodType method : new MethodType[] {MethodType.GET, MethodType.POST}) {
            IotRequest request = new IotRequest("Pub");
            request.setSysMethod(method);
            request.setSysProtocol(ProtocolType.HTTPS);
            request.putQueryParameter("RegionId", "cn-shanghai");
            request.putQueryParameter("ProductKey", "a1BwAGV****");
            request.putQueryParameter("TopicFullName", "/a1BwAGV****/设备 1/user/get");
            request.putQueryParameter("Qos", "0");
            request.body("MessageContent", "eyJhIjogIuS9oOWlvSJ9+/=");
            request.signRequest(SDK_SIGNER, new BasicSessionCredentials(ACCESS_KEY_ID, SECRET, "STS/token+with=odd/chars"),
                    FormatType.JSON, new ProductDomain("Iot", "iot.cn-shanghai.aliyuncs.com"));

            // the SDK signs a copy of the query parameters, completed with the common ones, and sends them in the URL
            TreeMap<String, String> query = AliyunRpcSignerTest.decodeQuery(request.getSysUrl());
            assertThat(query).containsKeys("Signature", "SignatureNonce", "Timestamp", "SecurityToken", "AccessKeyId",
                    "SignatureMethod", "SignatureVersion", "Format", "Action", "Version");
            assertThat(query).containsEntry("SecurityToken", "STS/token+with=odd/chars")
                    .containsEntry("TopicFullName", "/a1BwAGV****/设备 1/user/get");
            TreeMap<String, String> signed = new TreeMap<>(query);
            signed.putAll(request.getSysBodyParameters());
            assertThat(signed).containsEntry("MessageContent", "eyJhIjogIuS9oOWlvSJ9+/=");

            // Signature is in the map: the signer skips it
            assertThat(AliyunRpcSigner.stringToSign(method.name(), signed)).isEqualTo(request.getSysStrToSign());
            assertThat(AliyunRpcSigner.sign(method.name(), signed, SECRET)).as("%s", method).isEqualTo(query.get("Signature"));
        }
    }

    /** Every BMP character (unpaired surrogates included) and some supplementary ones encode as the SDK's do. */
    @Test
    void percentEncodeMatchesTheSdkEncoder() throws Exception {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = String.valueOf((char) c);
            assertThat(AliyunRpcSigner.percentEncode(s)).as("U+%04X", c).isEqualTo(AcsURLEncoder.percentEncode(s));
        }
        for (int cp : new int[] {0x10000, 0x1F321, 0x1F600, 0x20BB7, 0x10FFFF}) {
            String s = "x" + Character.toString(cp) + " y";
            assertThat(AliyunRpcSigner.percentEncode(s)).isEqualTo(AcsURLEncoder.percentEncode(s));
        }
        assertThat(AliyunRpcSigner.percentEncode("\uDC00\uD800")).isEqualTo(AcsURLEncoder.percentEncode("\uDC00\uD800"));
    }

    /** Random parameter maps: names and values from the characters that matter. */
    @Test
    void randomRequests() {
        Random random = new Random(20250314);
        String[] names = {"Action", "DeviceName", "DeviceName.1", "DeviceName.2", "DeviceName.10", "Tag.1.TagKey",
            "Tag.1.TagValue", "Items", "MessageContent", "Nickname", "ProductKey", "TopicFullName", "a", "A", "_x", "x~y",
            "x y", "名称"};
        String alphabet = "aZ09-_.~ *+/=&%?#:;,!\"'()[]{}<>@$|\\^`\t\n\u00e9\u00df\u8bbe\u5907\uFFFD";
        for (int n = 0; n < 300; n++) {
            TreeMap<String, String> parameters = common("Action" + n);
            int count = random.nextInt(names.length);
            for (int i = 0; i < count; i++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(24);
                for (int j = 0; j < length; j++) {
                    if (random.nextInt(20) == 0) {
                        value.append("\uD83D\uDE00");
                    } else {
                        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                parameters.put(names[random.nextInt(names.length)], value.toString());
            }
            assertSameAsSdk(parameters, "secret" + n);
        }
    }

    /** A concrete RPC request of the IoT product, with the SDK's own signing. */
    static final class IotRequest extends RpcAcsRequest<AcsResponse> {

        IotRequest(String action) {
            super("Iot", "2018-01-20", action, "Iot");
        }

        void body(String name, String value) {
            putBodyParameter(name, value);
        }

        @Override
        public Class<AcsResponse> getResponseClass() {
            return AcsResponse.class;
        }
    }
}
