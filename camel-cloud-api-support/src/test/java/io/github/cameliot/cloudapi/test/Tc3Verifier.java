package io.github.cameliot.cloudapi.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.ByteString;

/**
 * Recomputes the Tencent Cloud TC3-HMAC-SHA256 {@code Authorization} of a request a {@code MockWebServer} received,
 * from the request exactly as it arrived: method, query, the headers named by the received {@code SignedHeaders}
 * (which must include {@code content-type} and {@code host}) with their received values, the body bytes and
 * {@code X-TC-Timestamp}. The computation is written from the API documentation with plain {@code javax.crypto}, and
 * shares no code with the signer under test.
 * <pre>{@code
 * RecordedRequest request = server.takeRequest();
 * Tc3Verifier.assertSigned(request, "iotcloud", secretId, secretKey);
 * }</pre>
 */
public final class Tc3Verifier {

    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,\\s]+)");
    private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Verifier() {
    }

    /** The {@code Authorization} the request should carry when signed for {@code service} with this key. */
    public static String expectedAuthorization(RecordedRequest request, String service, String secretId, String secretKey) {
        Headers headers = request.getHeaders();
        String timestamp = required(headers, "X-TC-Timestamp");
        List<String> signedHeaders = signedHeaders(headers.get("Authorization"));
        String signedHeaderList = String.join(";", signedHeaders);

        StringBuilder canonical = new StringBuilder()
                .append(request.getMethod()).append('\n')
                .append('/').append('\n')
                .append(canonicalQuery(request)).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(required(headers, name).trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        ByteString body = request.getBody();
        canonical.append('\n').append(signedHeaderList).append('\n')
                .append(sha256Hex(body == null ? new byte[0] : body.toByteArray()));

        String date = UTC_DATE.format(Instant.ofEpochSecond(Long.parseLong(timestamp)));
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n"
                              + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));

        byte[] secretDate = hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmacSha256(secretDate, service);
        byte[] secretSigning = hmacSha256(secretService, "tc3_request");
        String signature = HexFormat.of().formatHex(hmacSha256(secretSigning, stringToSign));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=" + signedHeaderList
               + ", Signature=" + signature;
    }

    /**
     * Fails with an {@link AssertionError} unless the request's {@code Authorization} is exactly the one
     * {@link #expectedAuthorization} computes. The message shows both headers, never the key.
     */
    public static void assertSigned(RecordedRequest request, String service, String secretId, String secretKey) {
        String actual = request.getHeaders().get("Authorization");
        String expected = expectedAuthorization(request, service, secretId, secretKey);
        if (!expected.equals(actual)) {
            throw new AssertionError("Wrong TC3 signature of " + request.getRequestLine() + "\nexpected: " + expected
                                     + "\nactual:   " + actual);
        }
    }

    private static List<String> signedHeaders(String authorization) {
        if (authorization == null) {
            throw new AssertionError("The request has no Authorization header");
        }
        Matcher matcher = SIGNED_HEADERS.matcher(authorization);
        if (!matcher.find()) {
            throw new AssertionError("No SignedHeaders in the Authorization header: " + authorization);
        }
        List<String> names = Arrays.asList(matcher.group(1).split(";"));
        if (!names.contains("content-type") || !names.contains("host")) {
            throw new AssertionError("content-type and host must be signed, not only " + names);
        }
        return names;
    }

    /** The query as sent (already percent-encoded by the client); empty for a POST without one. */
    private static String canonicalQuery(RecordedRequest request) {
        String query = request.getUrl().encodedQuery();
        return query == null ? "" : query;
    }

    private static String required(Headers headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            throw new AssertionError("The request has no " + name + " header");
        }
        return value;
    }

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
