package io.github.cameliot.cloudapi.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The IoT Explorer application API signature against the documentation's example (TV-S1, which Tencent computed over
 * the masked example credentials, 4 asterisks each) and the derived vectors of the API notes (TV-S2, TV-S4).
 */
class TencentAppApiSignerTest {

    static final String APP_KEY = "ahPxdK****TGrejd";
    static final String APP_SECRET = "NcbHqk****TCGbKnQH";

    @Test
    void reproducesTheDocumentedSignature() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        // in the order of the documentation's table, not sorted
        parameters.put("Action", "AppCreateCellphoneUser");
        parameters.put("AppKey", APP_KEY);
        parameters.put("RequestId", "8b8d499bbba1ac28b6da21b4");
        parameters.put("Timestamp", 1546315200L);
        parameters.put("Nonce", 71087795);
        parameters.put("CountryCode", "86");
        parameters.put("PhoneNumber", "13900000000");
        parameters.put("VerificationCode", "123456");
        parameters.put("Password", "My!P@ssword");

        assertThat(TencentAppApiSigner.canonical(parameters)).isEqualTo(
                "Action=AppCreateCellphoneUser&AppKey=ahPxdK****TGrejd&CountryCode=86&Nonce=71087795&Password=My!P@ssword"
                + "&PhoneNumber=13900000000&RequestId=8b8d499bbba1ac28b6da21b4&Timestamp=1546315200"
                + "&VerificationCode=123456");
        assertThat(TencentAppApiSigner.sign(parameters, APP_SECRET)).isEqualTo("Szxai9Qs7O3lBoOXahbFbseZ+uE=");
    }

    @Test
    void leavesTheSignatureItselfOut() {
        Map<String, Object> parameters = login("http://example.com/path/to/avatar.jpg");
        parameters.put("Signature", "IY0yHX7zWCZKZ97xDonQoy16W4U=");

        assertThat(TencentAppApiSigner.canonical(parameters)).doesNotContain("Signature");
    }

    @Test
    void canonicalizesTheLoginExample() {
        Map<String, Object> parameters = login("http://example.com/path/to/avatar.jpg");

        assertThat(TencentAppApiSigner.canonical(parameters)).isEqualTo(
                "Action=AppGetTokenByWeiXin&AppKey=ahPxdK****TGrejd&Avatar=http://example.com/path/to/avatar.jpg"
                + "&NickName=tests&Nonce=2&RequestId=rest-client&Timestamp=1552621825&WxOpenID=0123456789");
        assertThat(TencentAppApiSigner.sign(parameters, APP_SECRET)).isEqualTo("hAibMz1vaHL8ENCRYDl/XmtvOH8=");
    }

    @Test
    void leavesEmptyStringsOut() {
        Map<String, Object> parameters = login("");

        assertThat(TencentAppApiSigner.canonical(parameters)).isEqualTo(
                "Action=AppGetTokenByWeiXin&AppKey=ahPxdK****TGrejd&NickName=tests&Nonce=2&RequestId=rest-client"
                + "&Timestamp=1552621825&WxOpenID=0123456789");
        assertThat(TencentAppApiSigner.sign(parameters, APP_SECRET)).isEqualTo("4m2EsQEkWFSqn6NJBVN31z+T+Go=");
    }

    @Test
    void writesUnderscoresInNamesAsDotsAndKeepsValues() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Timestamp", 1);
        parameters.put("Foo_Bar", "v_1");
        parameters.put("RequestId", "r");
        parameters.put("Nonce", 1);
        parameters.put("AppKey", "k");
        parameters.put("Action", "X");

        assertThat(TencentAppApiSigner.canonical(parameters)).isEqualTo("Action=X&AppKey=k&Foo.Bar=v_1&Nonce=1&RequestId=r&Timestamp=1");
        assertThat(TencentAppApiSigner.sign(parameters, "secret")).isEqualTo("5XJYM0EcXCV/O6rZHvcuIix6tD4=");
    }

    private static Map<String, Object> login(String avatar) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("WxOpenID", "0123456789");
        parameters.put("NickName", "tests");
        parameters.put("Avatar", avatar);
        parameters.put("Timestamp", 1552621825L);
        parameters.put("Nonce", 2);
        parameters.put("Action", "AppGetTokenByWeiXin");
        parameters.put("AppKey", APP_KEY);
        parameters.put("RequestId", "rest-client");
        return parameters;
    }
}
