package io.github.cameliot.cloudapi.aliyun;

import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.cameliot.cloudapi.CloudCredentials;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AliyunAmqpLoginTest {

    static final CloudCredentials KEYS = new CloudCredentials("LTAI4GFGQvKuqHJhFa2hbR8K", "yourAccessKeySecret");
    static final long TIMESTAMP = 1717171717171L;

    @Test
    void usernameAsDocumented() {
        AliyunAmqpLogin login = AliyunAmqpLogin.of(KEYS, "host-1", "iot-cn-6ja1y7p8d0a", "DEFAULT_GROUP", TIMESTAMP);

        assertThat(login.username()).isEqualTo("host-1|authMode=aksign,signMethod=hmacsha1,timestamp=1717171717171,"
                                               + "authId=LTAI4GFGQvKuqHJhFa2hbR8K,iotInstanceId=iot-cn-6ja1y7p8d0a,"
                                               + "consumerGroupId=DEFAULT_GROUP|");
        assertThat(login.timestamp()).isEqualTo(TIMESTAMP);
    }

    @Test
    void publicInstanceHasAnEmptyInstanceId() {
        assertThat(AliyunAmqpLogin.of(KEYS, "c", null, "g", TIMESTAMP).username())
                .isEqualTo("c|authMode=aksign,signMethod=hmacsha1,timestamp=1717171717171,"
                           + "authId=LTAI4GFGQvKuqHJhFa2hbR8K,iotInstanceId=,consumerGroupId=g|");
        assertThat(AliyunAmqpLogin.of(KEYS, "c", " ", "g", TIMESTAMP).username()).contains(",iotInstanceId=,");
    }

    @Test
    void passwordIsTheBase64HmacSha1OfAuthIdAndTimestamp() throws Exception {
        AliyunAmqpLogin login = AliyunAmqpLogin.of(KEYS, "c", "", "g", TIMESTAMP);

        // computed with: printf '%s' 'authId=LTAI4GFGQvKuqHJhFa2hbR8K&timestamp=1717171717171'
        //                | openssl dgst -sha1 -hmac yourAccessKeySecret -binary | base64
        assertThat(login.password()).isEqualTo("L5Fv8q6YZZxipECqLKIYvMJ0bVE=");

        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("yourAccessKeySecret".getBytes(UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal("authId=LTAI4GFGQvKuqHJhFa2hbR8K&timestamp=1717171717171".getBytes(UTF_8)));
        assertThat(login.password()).isEqualTo(expected);
    }

    @Test
    void everyTimestampHasItsOwnSignature() {
        AliyunAmqpLogin first = AliyunAmqpLogin.of(KEYS, "c", "", "g", TIMESTAMP);
        AliyunAmqpLogin later = AliyunAmqpLogin.of(KEYS, "c", "", "g", TIMESTAMP + 1);

        assertThat(later.password()).isNotEqualTo(first.password());
        assertThat(later.username()).contains("timestamp=1717171717172").isNotEqualTo(first.username());
    }

    @Test
    void toStringNeverShowsThePasswordOrTheSecret() {
        AliyunAmqpLogin login = AliyunAmqpLogin.of(KEYS, "c", "", "g", TIMESTAMP);

        assertThat(login.toString()).contains(login.username()).doesNotContain(login.password())
                .doesNotContain("yourAccessKeySecret");
    }

    @Test
    void valuesThatWouldBreakTheFormatAreRefused() {
        assertThatThrownBy(() -> AliyunAmqpLogin.of(KEYS, "a|b", "", "g", TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> AliyunAmqpLogin.of(KEYS, "c", "", "g,h", TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumerGroupId");
        assertThatThrownBy(() -> AliyunAmqpLogin.of(KEYS, " ", "", "g", TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
        assertThatThrownBy(() -> AliyunAmqpLogin.of(new CloudCredentials("LTAI|x", "s"), "c", "", "g", TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessKeyId")
                .hasMessageNotContaining("LTAI|x");
    }
}
