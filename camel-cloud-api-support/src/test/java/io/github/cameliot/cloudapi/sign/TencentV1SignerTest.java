package io.github.cameliot.cloudapi.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;

import com.tencentcloudapi.common.Sign;
import org.junit.jupiter.api.Test;

/** The doc's v1 vector (V1-A) and the derived ones (V1-B, V1-C) of api-notes seed 000, section 2.3. */
class TencentV1SignerTest {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3*******";

    static TreeMap<String, String> v1aParameters() {
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
        return parameters;
    }

    @Test
    void v1aHmacSha1() throws Exception {
        TreeMap<String, String> parameters = v1aParameters();

        assertThat(TencentV1Signer.requestString(parameters)).isEqualTo("Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20"
                + "&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******&Timestamp=1465185768"
                + "&Version=2017-03-12");
        String source = TencentV1Signer.sourceString("GET", "cvm.tencentcloudapi.com", "/", parameters);
        assertThat(source).isEqualTo("GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20"
                + "&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******&Timestamp=1465185768"
                + "&Version=2017-03-12");
        String signature = TencentV1Signer.sign("GET", "cvm.tencentcloudapi.com", "/", parameters, SECRET_KEY);
        assertThat(signature).isEqualTo("zmmjn35mikh6pM3V7sUEuX4wyYM=");

        // the official SDK agrees
        assertThat(Sign.makeSignPlainText(parameters, "GET", "cvm.tencentcloudapi.com", "/")).isEqualTo(source);
        assertThat(Sign.sign(SECRET_KEY, source, "HmacSHA1")).isEqualTo(signature);
    }

    @Test
    void v1bHmacSha256IsASignedParameter() throws Exception {
        TreeMap<String, String> parameters = v1aParameters();
        parameters.put("SignatureMethod", "HmacSHA256");

        String source = TencentV1Signer.sourceString("get", "cvm.tencentcloudapi.com", "/", parameters);
        assertThat(source).isEqualTo("GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20"
                + "&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******"
                + "&SignatureMethod=HmacSHA256&Timestamp=1465185768&Version=2017-03-12");
        assertThat(TencentV1Signer.sign("GET", "cvm.tencentcloudapi.com", "/", parameters, SECRET_KEY))
                .isEqualTo("czb75sAwt2P15FCqA4ugj88/aUVor/dVp3fCS/7mQiY=")
                .isEqualTo(Sign.sign(SECRET_KEY, source, "HmacSHA256"));

        // any other value means HmacSHA1, but is still signed as a parameter
        parameters.put("SignatureMethod", "hmacsha256");
        assertThat(TencentV1Signer.sign("GET", "cvm.tencentcloudapi.com", "/", parameters, SECRET_KEY))
                .isEqualTo(Sign.sign(SECRET_KEY, TencentV1Signer.sourceString("GET", "cvm.tencentcloudapi.com", "/", parameters),
                        "HmacSHA1"));
    }

    @Test
    void v1cIotcloudPostForm() {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("Version", "2021-04-08");
        parameters.put("Timestamp", "1465185768");
        parameters.put("SecretId", SECRET_ID);
        parameters.put("Region", "ap-guangzhou");
        parameters.put("ProductId", "ABCDE12345");
        parameters.put("Nonce", "11886");
        parameters.put("DeviceName", "abc");
        parameters.put("Action", "DescribeDevice");

        assertThat(TencentV1Signer.sourceString("POST", "iotcloud.tencentcloudapi.com", "/", parameters))
                .isEqualTo("POSTiotcloud.tencentcloudapi.com/?Action=DescribeDevice&DeviceName=abc&Nonce=11886&ProductId=ABCDE12345"
                           + "&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******&Timestamp=1465185768&Version=2021-04-08");
        assertThat(TencentV1Signer.sign("POST", "iotcloud.tencentcloudapi.com", "/", parameters, SECRET_KEY))
                .isEqualTo("x8r93Kk9E7ESb6cB5PfEBwLFXW4=");
    }

    @Test
    void sortsByNameInAsciiOrder() {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("InstanceIds.2", "b");
        parameters.put("InstanceIds.12", "a");
        parameters.put("Action", "x y");
        parameters.put("action", "z");

        // raw values, not URL-encoded; upper case before lower case
        assertThat(TencentV1Signer.requestString(parameters)).isEqualTo("Action=x y&InstanceIds.12=a&InstanceIds.2=b&action=z");
    }
}
