package io.github.cameliot.cloudapi.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.cameliot.cloudapi.Json;

/**
 * The request signature of the Tencent IoT Explorer application API's before-login actions ({@code appapi}): every
 * request parameter but {@code Signature}, sorted by name (String order, as written, before the rename below), written
 * {@code name=value} with the raw value, names with {@code _} written with {@code .}, string parameters whose value is
 * empty left out, joined with {@code &}; then Base64(HMAC-SHA1(AppSecret, that string)).
 * <p>
 * The documentation leaves the rendering of non-string values open: numbers and booleans are written as Java writes
 * them, lists and objects as compact JSON; {@code null} values are left out like empty strings.
 */
public final class TencentAppApiSigner {

    public static final String SIGNATURE = "Signature";

    private TencentAppApiSigner() {
    }

    /** The string to sign. */
    public static String canonical(Map<String, ?> parameters) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ?> parameter : new TreeMap<>(parameters).entrySet()) {
            String name = parameter.getKey();
            Object value = parameter.getValue();
            if (SIGNATURE.equals(name) || value == null || value instanceof CharSequence text && text.length() == 0) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(name.replace('_', '.')).append('=').append(render(value));
        }
        return out.toString();
    }

    /** The Base64 signature of the parameters with the application's secret. */
    public static String sign(Map<String, ?> parameters, String appSecret) {
        return signString(canonical(parameters), appSecret);
    }

    /** The Base64 HMAC-SHA1 of a string to sign. */
    public static String signString(String stringToSign, String appSecret) {
        return Base64.getEncoder().encodeToString(Crypto.hmacSha1(appSecret.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    private static String render(Object value) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof com.fasterxml.jackson.databind.JsonNode) {
            return Json.writeString(value);
        }
        return String.valueOf(value);
    }
}
