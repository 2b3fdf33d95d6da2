package io.github.cameliot.cloudapi.aliyun;

import java.util.function.Function;

import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.CredentialsProvider;

/**
 * Where Alibaba Cloud credentials come from: keys given in the configuration, then the environment
 * ({@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}, {@code ALIBABA_CLOUD_SECURITY_TOKEN}),
 * as the official SDKs' default credential chain begins.
 */
public final class AliyunCredentials {

    public static final String ENV_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private AliyunCredentials() {
    }

    /**
     * The credentials found first, looked up once.
     *
     * @param environment the environment variables ({@code System::getenv})
     * @throws IllegalStateException when only half a key pair is configured, or none is found anywhere
     */
    public static CredentialsProvider resolve(
            String accessKeyId, String accessKeySecret, String securityToken, Function<String, String> environment) {
        CloudCredentials found = find(accessKeyId, accessKeySecret, securityToken, environment);
        return () -> found;
    }

    static CloudCredentials find(
            String accessKeyId, String accessKeySecret, String securityToken, Function<String, String> environment) {
        if (present(accessKeyId) || present(accessKeySecret)) {
            if (!present(accessKeyId) || !present(accessKeySecret)) {
                throw new IllegalStateException((present(accessKeyId) ? "accessKeySecret" : "accessKeyId")
                                                + " is missing: set both accessKeyId and accessKeySecret");
            }
            return new CloudCredentials(accessKeyId, accessKeySecret, blankToNull(securityToken));
        }
        String envId = environment.apply(ENV_ACCESS_KEY_ID);
        String envSecret = environment.apply(ENV_ACCESS_KEY_SECRET);
        if (present(envId) && present(envSecret)) {
            return new CloudCredentials(envId, envSecret, blankToNull(environment.apply(ENV_SECURITY_TOKEN)));
        }
        throw new IllegalStateException("No Alibaba Cloud credentials: set accessKeyId and accessKeySecret, or the "
                                        + ENV_ACCESS_KEY_ID + " and " + ENV_ACCESS_KEY_SECRET + " environment variables");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value : null;
    }
}
