package io.github.cameliot.cloudapi.test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mockwebserver3.RecordedRequest;

/**
 * Checks an Alibaba Cloud RPC request a {@code MockWebServer} received, as the cloud would: reads its parameters
 * (query string and form body), recomputes the {@code Signature} with the documentation's own Java recipe
 * ({@code URLEncoder} plus replacements, a {@code TreeMap}, {@code javax.crypto}; no code shared with the signer under
 * test) and checks the common parameters. Returns the action's own parameters, without the common ones.
 * <pre>{@code
 * Map<String, String> parameters = AliyunRpcVerifier.verify(server.takeRequest(), "2018-01-20", accessKeySecret);
 * }</pre>
 */
public final class AliyunRpcVerifier {

    /** The parameters every request carries, which {@link #verify} checks and leaves out of its answer. */
    public static final Set<String> COMMON = Set.of("Action", "Format", "Version", "AccessKeyId", "Signature",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "RegionId", "SecurityToken");

    private AliyunRpcVerifier() {
    }

    /** Every parameter of the request, decoded: the query's and the form body's. */
    public static Map<String, String> parameters(RecordedRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = request.getUrl().encodedQuery();
        if (query != null) {
            decode(query, parameters);
        }
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            decode(request.getBody().utf8(), parameters);
        }
        return parameters;
    }

    /**
     * Asserts that the request is a correctly signed call of API {@code version} in JSON, and returns the action's
     * own parameters (all but {@link #COMMON}).
     *
     * @throws AssertionError naming what is wrong
     */
    public static Map<String, String> verify(RecordedRequest request, String version, String accessKeySecret) {
        Map<String, String> parameters = parameters(request);
        expect(parameters, "Format", "JSON");
        expect(parameters, "Version", version);
        expect(parameters, "SignatureMethod", "HMAC-SHA1");
        expect(parameters, "SignatureVersion", "1.0");
        for (String required : new String[] { "Action", "AccessKeyId", "SignatureNonce", "RegionId", "Timestamp" }) {
            if (parameters.get(required) == null || parameters.get(required).isEmpty()) {
                throw new AssertionError("Missing common parameter " + required);
            }
        }
        String timestamp = parameters.get("Timestamp");
        if (!timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")) {
            throw new AssertionError("Timestamp is not ISO 8601 UTC to the second: " + timestamp);
        }
        Instant.parse(timestamp);
        String expected = signature(request.getMethod(), parameters, accessKeySecret);
        if (!expected.equals(parameters.get("Signature"))) {
            throw new AssertionError("Signature " + parameters.get("Signature") + " does not match; expected " + expected);
        }
        Map<String, String> own = new LinkedHashMap<>(parameters);
        own.keySet().removeAll(COMMON);
        return own;
    }

    /** The signature the cloud computes for these parameters ({@code Signature} itself is left out). */
    public static String signature(String method, Map<String, String> parameters, String accessKeySecret) {
        TreeMap<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove("Signature");
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : sorted.entrySet()) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(percentEncode(parameter.getKey())).append('=').append(percentEncode(parameter.getValue()));
        }
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(query.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documentation's recipe. */
    private static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static void decode(String encoded, Map<String, String> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (into.put(name, value) != null) {
                throw new AssertionError("Parameter sent twice: " + name);
            }
        }
    }

    private static void expect(Map<String, String> parameters, String name, String value) {
        if (!value.equals(parameters.get(name))) {
            throw new AssertionError(name + " is " + parameters.get(name) + ", expected " + value);
        }
    }
}
