package io.github.cameliot.cloudapi.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Tencent Cloud API signature v1 ({@code HmacSHA1}, or {@code HmacSHA256} when the {@code SignatureMethod} parameter
 * says exactly that), for the query-string and form-encoded styles of call.
 */
public final class TencentV1Signer {

    public static final String SIGNATURE_METHOD = "SignatureMethod";

    private TencentV1Signer() {
    }

    /** {@code name=value} pairs sorted by name and joined with {@code &}, raw values (not URL-encoded). */
    public static String requestString(SortedMap<String, String> parameters) {
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return sb.toString();
    }

    public static String sourceString(String method, String host, String path, SortedMap<String, String> parameters) {
        return method.toUpperCase(Locale.ROOT) + host + path + "?" + requestString(parameters);
    }

    /**
     * The Base64 signature of the parameters (which must include the common ones but not {@code Signature}).
     */
    public static String sign(String method, String host, String path, SortedMap<String, String> parameters, String secretKey) {
        String algorithm = Crypto.HMAC_SHA256.equals(parameters.get(SIGNATURE_METHOD)) ? Crypto.HMAC_SHA256 : Crypto.HMAC_SHA1;
        byte[] mac = Crypto.hmac(algorithm, secretKey.getBytes(StandardCharsets.UTF_8),
                sourceString(method, host, path, parameters));
        return Base64.getEncoder().encodeToString(mac);
    }
}
