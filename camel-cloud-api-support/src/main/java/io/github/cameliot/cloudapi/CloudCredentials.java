package io.github.cameliot.cloudapi;

import java.util.Objects;

/**
 * A key pair, with the session token of temporary (STS) credentials. {@link #toString()} never shows the secret or
 * the token, so the object is safe to log.
 *
 * @param accessKeyId     the key id (Tencent {@code SecretId}, Alibaba {@code AccessKeyId})
 * @param accessKeySecret the secret (Tencent {@code SecretKey}, Alibaba {@code AccessKeySecret})
 * @param securityToken   the session token of temporary credentials, or {@code null}
 */
public record CloudCredentials(String accessKeyId, String accessKeySecret, String securityToken) {

    public CloudCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    }

    public CloudCredentials(String accessKeyId, String accessKeySecret) {
        this(accessKeyId, accessKeySecret, null);
    }

    public boolean hasSecurityToken() {
        return securityToken != null && !securityToken.isEmpty();
    }

    @Override
    public String toString() {
        return "CloudCredentials[accessKeyId=" + mask(accessKeyId) + ", accessKeySecret=******"
               + (hasSecurityToken() ? ", securityToken=******" : "") + "]";
    }

    /** The first four characters of an id, the rest masked. */
    public static String mask(String id) {
        return id == null || id.length() <= 4 ? "****" : id.substring(0, 4) + "****";
    }
}
