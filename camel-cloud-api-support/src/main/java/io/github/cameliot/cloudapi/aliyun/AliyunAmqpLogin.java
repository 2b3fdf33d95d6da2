package io.github.cameliot.cloudapi.aliyun;

import java.util.Base64;
import java.util.Objects;

import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.sign.Crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The SASL PLAIN login of an AMQP server-side subscription client of Alibaba Cloud IoT Platform, signed with an
 * AccessKey ({@code authMode=aksign}, {@code signMethod=hmacsha1}):
 * <pre>
 * username = clientId "|authMode=aksign,signMethod=hmacsha1,timestamp=" timestamp ",authId=" AccessKeyId
 *            ",iotInstanceId=" iotInstanceId ",consumerGroupId=" consumerGroupId "|"
 * password = Base64(HMAC-SHA1(AccessKeySecret, "authId=" AccessKeyId "&amp;timestamp=" timestamp))
 * </pre>
 * The timestamp is in milliseconds, and IoT Platform refuses a login whose timestamp is too old: every connection
 * attempt needs a login of its own, computed when it is made. The {@code iotInstanceId} is empty for the public
 * instance. The session token of temporary (STS) credentials has no place in this login.
 * <p>
 * {@link #toString()} shows the username only, never the password.
 *
 * @param username  the SASL username
 * @param password  the SASL password, the signature
 * @param timestamp the timestamp both were computed for, in milliseconds since the epoch
 */
public record AliyunAmqpLogin(String username, String password, long timestamp) {

    /** The value of {@code authMode}. */
    public static final String AUTH_MODE = "aksign";
    /** The value of {@code signMethod}. */
    public static final String SIGN_METHOD = "hmacsha1";

    public AliyunAmqpLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The login for a connection attempt made now.
     *
     * @param credentials     the AccessKey pair
     * @param clientId        identifies the client (a connection) in the IoT Platform console; must not contain
     *                        {@code |} or {@code ,}
     * @param iotInstanceId   the Enterprise Edition instance, or {@code null} or empty for the public instance
     * @param consumerGroupId the consumer group of the subscription
     * @param timestamp       the current time, in milliseconds since the epoch
     * @throws IllegalArgumentException when a value would break the username's format
     */
    public static AliyunAmqpLogin of(
            CloudCredentials credentials, String clientId, String iotInstanceId, String consumerGroupId, long timestamp) {
        Objects.requireNonNull(credentials, "credentials");
        validate(clientId, iotInstanceId, consumerGroupId);
        check("accessKeyId", credentials.accessKeyId(), false);
        String instance = iotInstanceId == null ? "" : iotInstanceId.trim();
        String username = clientId + "|authMode=" + AUTH_MODE + ",signMethod=" + SIGN_METHOD + ",timestamp=" + timestamp
                          + ",authId=" + credentials.accessKeyId() + ",iotInstanceId=" + instance
                          + ",consumerGroupId=" + consumerGroupId + "|";
        return new AliyunAmqpLogin(username, sign(credentials, timestamp), timestamp);
    }

    /**
     * Checks the values of a login other than the credentials, so that a client can refuse them once, before it
     * connects.
     *
     * @throws IllegalArgumentException when the client id or the consumer group is missing, or a value would break
     *                                  the username's format
     */
    public static void validate(String clientId, String iotInstanceId, String consumerGroupId) {
        check("clientId", clientId, false);
        check("consumerGroupId", consumerGroupId, false);
        check("iotInstanceId", iotInstanceId == null ? "" : iotInstanceId.trim(), true);
    }

    /** The password: {@code Base64(HMAC-SHA1(AccessKeySecret, "authId=<AccessKeyId>&timestamp=<timestamp>"))}. */
    public static String sign(CloudCredentials credentials, long timestamp) {
        String content = "authId=" + credentials.accessKeyId() + "&timestamp=" + timestamp;
        return Base64.getEncoder()
                .encodeToString(Crypto.hmacSha1(credentials.accessKeySecret().getBytes(UTF_8), content));
    }

    private static void check(String name, String value, boolean emptyAllowed) {
        if (value == null || (!emptyAllowed && value.isBlank())) {
            throw new IllegalArgumentException("The AMQP login needs a " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '|' || c == ',' || c == '=' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("The " + name + " of an AMQP login must not contain '|', ',', '=' or "
                                                   + "white space: "
                                                   + ("accessKeyId".equals(name) ? CloudCredentials.mask(value) : value));
            }
        }
    }

    /** The username and timestamp; the password is masked. */
    @Override
    public String toString() {
        return "AliyunAmqpLogin[username=" + username + ", password=******, timestamp=" + timestamp + "]";
    }
}
