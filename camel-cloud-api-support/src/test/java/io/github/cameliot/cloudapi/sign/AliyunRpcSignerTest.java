package io.github.cameliot.cloudapi.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The doc's vectors of api-notes seed 004, section 2: TV-1 (the doc's Pub example, signature printed by the doc),
 * TV-2 (the doc's Java demo, StringToSign printed by the doc, signature computed by the catalog) and the encoding
 * rules of 2.1 and 2.5.
 */
class AliyunRpcSignerTest {

    /** TV-1: the doc's "URL before signing" (seed L686-693, rejoined), in the doc's parameter order. */
    static final String TV1_URL = "http://iot.cn-shanghai.aliyuncs.com/?MessageContent=aGVsbG93b3JsZA%3D&Action=Pub"
            + "&Timestamp=2017-10-02T09%3A39%3A41Z&SignatureVersion=1.0&ServiceCode=iot&Format=XML&Qos=0"
            + "&SignatureNonce=0715a395-aedf-4a41-bab7-746b43d38d88&Version=2017-04-20&AccessKeyId=testid"
            + "&SignatureMethod=HMAC-SHA1&RegionId=cn-shanghai&ProductKey=12345abcdeZ"
            + "&TopicFullName=%2FproductKey%2Ftestdevice%2Fget";
    static final String TV1_SECRET = "testsecret";
    /** TV-1's StringToSign, exactly as printed (seed L696-702, rejoined). */
    static final String TV1_STRING_TO_SIGN = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DPub%26Format%3DXML%26"
            + "MessageContent%3DaGVsbG93b3JsZA%253D%26ProductKey%3D12345abcdeZ%26Qos%3D0%26RegionId%3Dcn-shanghai"
            + "%26ServiceCode%3Diot%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D0715a395-aedf-4a41-bab7-746b43d38d88"
            + "%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-02T09%253A39%253A41Z%26TopicFullName%3D%252FproductKey"
            + "%252Ftestdevice%252Fget%26Version%3D2017-04-20";
    static final String TV1_SIGNATURE = "Y9eWn4nF8QPh3c4zAFkM/k/u7eA=";

    /** TV-2: the demo's Config.accessKeySecret, 30 digits once the PDF line wrap is rejoined (seed L737-738). */
    static final String TV2_SECRET = "123456789012345678901234567890";
    /** TV-2's StringToSign, the demo's "方法一" literal with Config.accessKey substituted (seed L951-956). */
    static final String TV2_STRING_TO_SIGN = "GET&%2F&AccessKeyId%3D1234567890123456%26Action%3DRegisterDevice"
            + "%26DeviceName%3D1533023037%26Format%3DJSON%26ProductKey%3DaxxxUtgaRLB%26RegionId%3Dcn-shanghai"
            + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D1533023037%26SignatureVersion%3D1.0"
            + "%26Timestamp%3D2018-07-31T07%253A43%253A57Z%26Version%3D2018-01-20";
    /** Not printed by the doc: computed by the catalog (Python and openssl), and here. */
    static final String TV2_SIGNATURE_CATALOG = "zqw+pTAEOU3GWZhpgGlXJJTTYAo=";

    static TreeMap<String, String> tv1Parameters() {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("MessageContent", "aGVsbG93b3JsZA="); // sic: invalid Base64 (one '=' short), signed as is
        parameters.put("Action", "Pub");
        parameters.put("Timestamp", "2017-10-02T09:39:41Z");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("ServiceCode", "iot");
        parameters.put("Format", "XML");
        parameters.put("Qos", "0");
        parameters.put("SignatureNonce", "0715a395-aedf-4a41-bab7-746b43d38d88");
        parameters.put("Version", "2017-04-20");
        parameters.put("AccessKeyId", "testid");
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("RegionId", "cn-shanghai");
        parameters.put("ProductKey", "12345abcdeZ");
        parameters.put("TopicFullName", "/productKey/testdevice/get");
        return parameters;
    }

    static TreeMap<String, String> tv2Parameters() {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("Format", "JSON");
        parameters.put("Version", "2018-01-20");
        parameters.put("AccessKeyId", "1234567890123456");
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("Timestamp", "2018-07-31T07:43:57Z");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", "1533023037");
        parameters.put("RegionId", "cn-shanghai");
        parameters.put("Action", "RegisterDevice");
        parameters.put("DeviceName", "1533023037");
        parameters.put("ProductKey", "axxxUtgaRLB");
        return parameters;
    }

    @Test
    void tv1Pub() {
        TreeMap<String, String> parameters = tv1Parameters();

        assertThat(AliyunRpcSigner.canonicalQuery(parameters)).isEqualTo("AccessKeyId=testid&Action=Pub&Format=XML"
                + "&MessageContent=aGVsbG93b3JsZA%3D&ProductKey=12345abcdeZ&Qos=0&RegionId=cn-shanghai&ServiceCode=iot"
                + "&SignatureMethod=HMAC-SHA1&SignatureNonce=0715a395-aedf-4a41-bab7-746b43d38d88&SignatureVersion=1.0"
                + "&Timestamp=2017-10-02T09%3A39%3A41Z&TopicFullName=%2FproductKey%2Ftestdevice%2Fget&Version=2017-04-20");
        String stringToSign = AliyunRpcSigner.stringToSign("GET", parameters);
        assertThat(stringToSign).isEqualTo(TV1_STRING_TO_SIGN);
        assertThat(stringToSign.getBytes(StandardCharsets.UTF_8)).isEqualTo(TV1_STRING_TO_SIGN.getBytes(StandardCharsets.UTF_8));
        assertThat(AliyunRpcSigner.sign("GET", parameters, TV1_SECRET)).isEqualTo(TV1_SIGNATURE);
        // the value is signed as given, never repaired
        assertThat(parameters).containsEntry("MessageContent", "aGVsbG93b3JsZA=");
    }

    @Test
    void tv1FromTheDocUrl() {
        TreeMap<String, String> parameters = decodeQuery(TV1_URL);
        assertThat(parameters).isEqualTo(tv1Parameters());

        String signature = AliyunRpcSigner.sign("GET", parameters, TV1_SECRET);
        assertThat(signature).isEqualTo(TV1_SIGNATURE);
        // the doc's final URL carries it as Signature=Y9eWn4nF8QPh3c4zAFkM%2Fk%2Fu7eA%3D
        assertThat(AliyunRpcSigner.percentEncode(signature)).isEqualTo("Y9eWn4nF8QPh3c4zAFkM%2Fk%2Fu7eA%3D");

        // and its parameters sign to the same value: Signature itself is never signed
        parameters.put(AliyunRpcSigner.SIGNATURE, signature);
        assertThat(AliyunRpcSigner.stringToSign("GET", parameters)).isEqualTo(TV1_STRING_TO_SIGN);
        assertThat(AliyunRpcSigner.sign("GET", parameters, TV1_SECRET)).isEqualTo(TV1_SIGNATURE);
        assertThat(AliyunRpcSigner.canonicalQuery(parameters)).contains("&Signature=Y9eWn4nF8QPh3c4zAFkM%2Fk%2Fu7eA%3D&");
    }

    /** The catalog's variants of TV-1 (section 2.2), to show the vector is sensitive to each input. */
    @Test
    void tv1Variants() {
        TreeMap<String, String> parameters = tv1Parameters();
        assertThat(AliyunRpcSigner.sign("POST", parameters, TV1_SECRET)).isEqualTo("efr3PwqG3ANN5Vs4hsRnEZh2K2Q=");
        assertThat(AliyunRpcSigner.sign("post", parameters, TV1_SECRET)).isEqualTo("efr3PwqG3ANN5Vs4hsRnEZh2K2Q=");
        assertThat(AliyunRpcSigner.sign("get", parameters, TV1_SECRET)).isEqualTo(TV1_SIGNATURE);
        assertThat(AliyunRpcSigner.sign("GET", parameters, "testsecreT")).isNotEqualTo(TV1_SIGNATURE);

        parameters.put("MessageContent", "aGVsbG93b3JsZA==");
        assertThat(AliyunRpcSigner.sign("GET", parameters, TV1_SECRET)).isEqualTo("Z3/HR5HJDJKfJDUUKJ65pWZpckU=");

        parameters = tv1Parameters();
        parameters.remove("ServiceCode");
        assertThat(AliyunRpcSigner.sign("GET", parameters, TV1_SECRET)).isEqualTo("VNqhI3NoJdbTWjbzA4vmCvx5Vlc=");
    }

    @Test
    void tv2RegisterDevice() {
        TreeMap<String, String> parameters = tv2Parameters();

        String stringToSign = AliyunRpcSigner.stringToSign("GET", parameters);
        assertThat(stringToSign).isEqualTo(TV2_STRING_TO_SIGN);
        String signature = AliyunRpcSigner.sign("GET", parameters, TV2_SECRET);
        assertThat(signature).isEqualTo(TV2_SIGNATURE_CATALOG);
        // the demo prints URLEncoder.encode(signature) as "最终signature"
        assertThat(URLEncoder.encode(signature, StandardCharsets.UTF_8)).isEqualTo("zqw%2BpTAEOU3GWZhpgGlXJJTTYAo%3D");
        assertThat(AliyunRpcSigner.percentEncode(signature)).isEqualTo("zqw%2BpTAEOU3GWZhpgGlXJJTTYAo%3D");
        // the key is secret + '&': the HMAC of the doc's literal StringToSign with that key
        assertThat(Base64.getEncoder().encodeToString(
                Crypto.hmacSha1((TV2_SECRET + "&").getBytes(StandardCharsets.UTF_8), TV2_STRING_TO_SIGN)))
                .isEqualTo(TV2_SIGNATURE_CATALOG);
    }

    /** Section 2.5 of the notes, and the rules of 2.1 step 3. */
    @Test
    void percentEncoding() {
        assertThat(AliyunRpcSigner.percentEncode("a b*c~d/é+=&")).isEqualTo("a%20b%2Ac~d%2F%C3%A9%2B%3D%26");
        assertThat(AliyunRpcSigner.percentEncode(" ")).isEqualTo("%20");
        assertThat(AliyunRpcSigner.percentEncode("*")).isEqualTo("%2A");
        assertThat(AliyunRpcSigner.percentEncode("~")).isEqualTo("~");
        assertThat(AliyunRpcSigner.percentEncode("/")).isEqualTo("%2F");
        assertThat(AliyunRpcSigner.percentEncode("=")).isEqualTo("%3D");
        assertThat(AliyunRpcSigner.percentEncode("+")).isEqualTo("%2B");
        assertThat(AliyunRpcSigner.percentEncode("%")).isEqualTo("%25");
        assertThat(AliyunRpcSigner.percentEncode("\"")).isEqualTo("%22");
        assertThat(AliyunRpcSigner.percentEncode("é")).isEqualTo("%C3%A9");
        assertThat(AliyunRpcSigner.percentEncode("设备")).isEqualTo("%E8%AE%BE%E5%A4%87");
        assertThat(AliyunRpcSigner.percentEncode("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
        assertThat(AliyunRpcSigner.percentEncode("2017-10-02T09:39:41Z")).isEqualTo("2017-10-02T09%3A39%3A41Z");
        assertThat(AliyunRpcSigner.percentEncode("\n\t\u0000\u007f")).isEqualTo("%0A%09%00%7F");
        assertThat(AliyunRpcSigner.percentEncode("")).isEmpty();
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertThat(AliyunRpcSigner.percentEncode(unreserved)).isSameAs(unreserved);
        // the InvokeThingsService example (seed L5153-5154): spaces as %20, '~' kept
        assertThat(AliyunRpcSigner.percentEncode("{     \"walk\":\"a~z\",     \"city\":\"shanghai\" }"))
                .isEqualTo("%7B%20%20%20%20%20%22walk%22%3A%22a~z%22%2C%20%20%20%20%20%22city%22%3A%22shanghai%22%20%7D");
    }

    /** The doc's Java recipe is the reference: every ASCII character, and a few beyond, encode the same. */
    @Test
    void percentEncodingMatchesTheDocRecipe() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            assertThat(AliyunRpcSigner.percentEncode(String.valueOf(c))).as("U+%04X", (int) c)
                    .isEqualTo(docRecipe(String.valueOf(c)))
                    .doesNotContainPattern("%[0-9A-F]?[a-f]");
            all.append(c);
        }
        all.append("éß设备\uD83D\uDE00\uFFFD\u00A0");
        assertThat(AliyunRpcSigner.percentEncode(all.toString())).isEqualTo(docRecipe(all.toString()));
        // an unpaired surrogate: UTF-8 makes it '?', as URLEncoder does
        assertThat(AliyunRpcSigner.percentEncode("a\uD800b")).isEqualTo("a%3Fb").isEqualTo(docRecipe("a\uD800b"));
    }

    /** Names sort by byte ('.' < digits < upper case < '_' < lower case < '~'), not alphabetically or numerically. */
    @Test
    void sortOrderIsByteOrder() {
        List<String> names = new ArrayList<>(List.of("action", "Action", "A_", "Aa", "AZ", "A1", "A.1", "A~", "A-",
                "DeviceName.2", "DeviceName.10", "DeviceName.1", "deviceName.3", "B"));
        Collections.shuffle(names, new Random(4));
        TreeMap<String, String> parameters = new TreeMap<>();
        names.forEach(name -> parameters.put(name, "v"));

        assertThat(AliyunRpcSigner.canonicalQuery(parameters)).isEqualTo("A-=v&A.1=v&A1=v&AZ=v&A_=v&Aa=v&Action=v&A~=v"
                + "&B=v&DeviceName.1=v&DeviceName.10=v&DeviceName.2=v&action=v&deviceName.3=v");

        // a map with another order is signed in the natural order all the same
        TreeMap<String, String> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.putAll(parameters);
        assertThat(AliyunRpcSigner.canonicalQuery(reversed)).isEqualTo(AliyunRpcSigner.canonicalQuery(parameters));
        TreeMap<String, String> tv1Reversed = new TreeMap<>(Collections.reverseOrder());
        tv1Reversed.putAll(tv1Parameters());
        assertThat(AliyunRpcSigner.sign("GET", tv1Reversed, TV1_SECRET)).isEqualTo(TV1_SIGNATURE);
    }

    @Test
    void emptyValuesAreSignedAndNullsRejected() {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("B", "");
        parameters.put("A", "1");
        assertThat(AliyunRpcSigner.canonicalQuery(parameters)).isEqualTo("A=1&B=");
        assertThat(AliyunRpcSigner.stringToSign("GET", parameters)).isEqualTo("GET&%2F&A%3D1%26B%3D");
        assertThat(AliyunRpcSigner.stringToSign("GET", new TreeMap<>())).isEqualTo("GET&%2F&");

        parameters.put("C", null);
        assertThatNullPointerException().isThrownBy(() -> AliyunRpcSigner.sign("GET", parameters, "s"))
                .withMessageContaining("C");
    }

    static String docRecipe(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static TreeMap<String, String> decodeQuery(String url) {
        TreeMap<String, String> parameters = new TreeMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
