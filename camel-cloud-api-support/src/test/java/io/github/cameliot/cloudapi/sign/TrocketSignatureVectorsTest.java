package io.github.cameliot.cloudapi.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The signature vectors TV-1 to TV-5 of api-notes seed 001 (TDMQ RocketMQ, {@code trocket} 2023-03-08), section 2.
 * TV-1 and TV-3 are the doc's own worked examples (v3 and v1; {@link Tc3SignerTest} and {@link TencentV1SignerTest}
 * check them step by step as seed 000's V3-A and V1-A), TV-2 the variant that signs only {@code content-type;host},
 * TV-4 and TV-5 the trocket ones (service {@code trocket}, a POST JSON CreateTopic and a GET DescribeInstanceList).
 * <p>
 * The doc prints the fixture keys with 5 asterisks, but its hashes were computed with these 7-asterisk strings.
 */
class TrocketSignatureVectorsTest {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3*******";
    static final long TIMESTAMP = 1551113065;
    static final String DATE = "2019-02-25";

    /** ASCII only: the escapes are a literal backslash, 'u' and four hex digits each, as the doc hashes them. */
    static final String CVM_BODY =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    static final String CREATE_TOPIC_BODY =
            "{\"InstanceId\":\"rmq-72mo3a9o\",\"Topic\":\"test\",\"TopicType\":\"NORMAL\",\"QueueNum\":16,\"Remark\":\"remoark\"}";

    private static TreeMap<String, String> headers(String contentType, String host, String action) {
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("content-type", contentType);
        headers.put("host", host);
        if (action != null) {
            headers.put("x-tc-action", action);
        }
        return headers;
    }

    @Test
    void tv1DocV3ExampleSigningTheActionHeader() {
        Tc3Signer signer = new Tc3Signer("cvm");
        TreeMap<String, String> headers = headers("application/json; charset=utf-8", "cvm.tencentcloudapi.com", "DescribeInstances");
        byte[] body = CVM_BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(Crypto.sha256Hex(body)).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        String canonicalRequest = signer.canonicalRequest("POST", "", headers, Tc3Signer.signedHeaders(headers), body);
        assertThat(canonicalRequest).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\n"
                                               + "host:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\n"
                                               + "content-type;host;x-tc-action\n"
                                               + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(Crypto.sha256Hex(canonicalRequest)).isEqualTo("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
        assertThat(signer.stringToSign(TIMESTAMP, DATE, canonicalRequest)).isEqualTo("TC3-HMAC-SHA256\n1551113065\n"
                + "2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
        byte[] secretDate = Crypto.hmacSha256(("TC3" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), DATE);
        assertThat(Crypto.hex(secretDate)).isEqualTo("f1cb4d518a0eda9d5cbbfdb7850983f1e603eeae484edea76e4dd8d8deb5556e");
        assertThat(Crypto.hex(Crypto.hmacSha256(secretDate, "cvm")))
                .isEqualTo("e7c609ce81bea53546bed2cc904778bef9ca14082e48e67883443ed64e227cd7");
        assertThat(Crypto.hex(signer.signingKey(SECRET_KEY, DATE)))
                .isEqualTo("8aa8ab5755582f576e94bcfe383b8e29325b0ca90c3590d569221c6a63a091ed");
        assertThat(signer.authorization(SECRET_ID, SECRET_KEY, TIMESTAMP, "POST", "", headers, body)).isEqualTo(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host;x-tc-action, "
                + "Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3");
    }

    @Test
    void tv2SameInputsSigningOnlyContentTypeAndHost() {
        Tc3Signer signer = new Tc3Signer("cvm");
        TreeMap<String, String> headers = headers("application/json; charset=utf-8", "cvm.tencentcloudapi.com", null);
        byte[] body = CVM_BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(Crypto.sha256Hex(signer.canonicalRequest("POST", "", headers, "content-type;host", body)))
                .isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        assertThat(signer.authorization(SECRET_ID, SECRET_KEY, TIMESTAMP, "POST", "", headers, body)).isEqualTo(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
    }

    @Test
    void tv3DocV1ExampleWithTheParametersItWasReallySignedWith() {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("Action", "DescribeInstances");
        parameters.put("InstanceIds.0", "ins-09dx96dg");
        parameters.put("Limit", "20");
        parameters.put("Nonce", "11886");
        parameters.put("Offset", "0");
        parameters.put("Region", "ap-guangzhou");
        parameters.put("SecretId", SECRET_ID);
        parameters.put("Timestamp", "1465185768");
        parameters.put("Version", "2017-03-12");

        assertThat(TencentV1Signer.sourceString("GET", "cvm.tencentcloudapi.com", "/", parameters)).isEqualTo(
                "GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886"
                + "&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******&Timestamp=1465185768"
                + "&Version=2017-03-12");
        assertThat(TencentV1Signer.sign("GET", "cvm.tencentcloudapi.com", "/", parameters, SECRET_KEY))
                .isEqualTo("zmmjn35mikh6pM3V7sUEuX4wyYM=");

        parameters.put(TencentV1Signer.SIGNATURE_METHOD, "HmacSHA256");
        assertThat(TencentV1Signer.sign("GET", "cvm.tencentcloudapi.com", "/", parameters, SECRET_KEY))
                .isEqualTo("czb75sAwt2P15FCqA4ugj88/aUVor/dVp3fCS/7mQiY=");
    }

    @Test
    void tv4TrocketCreateTopicPostJson() {
        Tc3Signer signer = new Tc3Signer("trocket");
        TreeMap<String, String> headers = headers("application/json", "trocket.tencentcloudapi.com", "CreateTopic");
        byte[] body = CREATE_TOPIC_BODY.getBytes(StandardCharsets.UTF_8);

        byte[] secretDate = Crypto.hmacSha256(("TC3" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), DATE);
        assertThat(Crypto.hex(secretDate)).isEqualTo("f1cb4d518a0eda9d5cbbfdb7850983f1e603eeae484edea76e4dd8d8deb5556e");
        assertThat(Crypto.hex(Crypto.hmacSha256(secretDate, "trocket")))
                .isEqualTo("4267fdae2bd599c7279350629413c6d57de405a3af6e414acba1921634d7745c");
        assertThat(Crypto.hex(signer.signingKey(SECRET_KEY, DATE)))
                .isEqualTo("7392735b432271413b77fced83e5ec0e1fb676cc412fc81f2a57b2f490ca258b");
        assertThat(signer.credentialScope(DATE)).isEqualTo("2019-02-25/trocket/tc3_request");

        assertThat(Crypto.sha256Hex(body)).isEqualTo("fa1376855bb26252476e96e13172d853e5c38bf6ceac4262a97a359201f8dd03");
        assertThat(Crypto.sha256Hex(signer.canonicalRequest("POST", "", headers, Tc3Signer.signedHeaders(headers), body)))
                .isEqualTo("db87392301f1da5da888717c0d3d06bf77e6c838eb7107ed6d7baa19231767a0");
        assertThat(signer.authorization(SECRET_ID, SECRET_KEY, TIMESTAMP, "POST", "", headers, body)).isEqualTo(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/trocket/tc3_request, "
                + "SignedHeaders=content-type;host;x-tc-action, "
                + "Signature=7e9ff35843c7e04b99420c004db8e22771d595783088708c0bd64c63efcccce7");
    }

    @Test
    void tv5TrocketDescribeInstanceListGet() {
        Tc3Signer signer = new Tc3Signer("trocket");
        TreeMap<String, String> headers = headers("application/x-www-form-urlencoded", "trocket.tencentcloudapi.com", null);
        byte[] empty = new byte[0];

        assertThat(Crypto.sha256Hex(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Crypto.sha256Hex(signer.canonicalRequest("GET", "Limit=10&Offset=0", headers, "content-type;host", empty)))
                .isEqualTo("a9e35e79ccde23e486a9c3bb7fbe3ae56a0a0ea8b10c5d98ac3b6fc4627447b7");
        assertThat(signer.authorization(SECRET_ID, SECRET_KEY, TIMESTAMP, "GET", "Limit=10&Offset=0", headers, empty)).isEqualTo(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/trocket/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=0e8fa6334d0abef7f34115f556b562e10b5b742bdffba872a64c826fdb2a447c");
    }
}
