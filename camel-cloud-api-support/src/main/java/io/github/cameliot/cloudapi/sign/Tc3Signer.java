package io.github.cameliot.cloudapi.sign;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Tencent Cloud API signature v3, {@code TC3-HMAC-SHA256}.
 * <p>
 * The signing key depends only on the secret key, the UTC date and the service, so it is derived once a day and
 * reused: three of the four HMACs of a signature are skipped on the hot path. An instance signs for one service
 * (the product, such as {@code iotcloud}); the service never comes from the host, so an endpoint override keeps
 * signing correctly.
 */
public final class Tc3Signer {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final String TERMINATOR = "tc3_request";
    private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final String service;
    private volatile SigningKey signingKey;

    public Tc3Signer(String service) {
        this.service = service;
    }

    public String service() {
        return service;
    }

    /**
     * The value of the {@code Authorization} header.
     *
     * @param headers the headers to sign, lower-case names mapped to the values exactly as sent
     */
    public String authorization(
            String secretId, String secretKey, long timestamp, String method, String canonicalQuery,
            SortedMap<String, String> headers, byte[] payload) {
        String date = utcDate(timestamp);
        String signedHeaders = signedHeaders(headers);
        String canonicalRequest = canonicalRequest(method, canonicalQuery, headers, signedHeaders, payload);
        String stringToSign = stringToSign(timestamp, date, canonicalRequest);
        String signature = Crypto.hex(Crypto.hmacSha256(signingKey(secretKey, date), stringToSign));
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope(date) + ", SignedHeaders=" + signedHeaders
               + ", Signature=" + signature;
    }

    public String canonicalRequest(
            String method, String canonicalQuery, SortedMap<String, String> headers, String signedHeaders, byte[] payload) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append("\n/\n").append(canonicalQuery).append('\n');
        for (Map.Entry<String, String> header : headers.entrySet()) {
            sb.append(header.getKey()).append(':').append(header.getValue().trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        sb.append('\n').append(signedHeaders).append('\n').append(Crypto.sha256Hex(payload));
        return sb.toString();
    }

    public String stringToSign(long timestamp, String date, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope(date) + "\n" + Crypto.sha256Hex(canonicalRequest);
    }

    public String credentialScope(String date) {
        return date + "/" + service + "/" + TERMINATOR;
    }

    /** The signing key, {@code HMAC(HMAC(HMAC("TC3" + key, date), service), "tc3_request")}, cached for the day. */
    public byte[] signingKey(String secretKey, String date) {
        SigningKey current = signingKey;
        if (current != null && current.date.equals(date) && current.secretKey.equals(secretKey)) {
            return current.key;
        }
        byte[] secretDate = Crypto.hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = Crypto.hmacSha256(secretDate, service);
        byte[] key = Crypto.hmacSha256(secretService, TERMINATOR);
        signingKey = new SigningKey(secretKey, date, key);
        return key;
    }

    public static String signedHeaders(SortedMap<String, String> headers) {
        return String.join(";", headers.keySet());
    }

    /** The UTC date of a timestamp: the doc warns that a local date breaks signatures around midnight. */
    public static String utcDate(long timestamp) {
        return UTC_DATE.format(Instant.ofEpochSecond(timestamp));
    }

    private record SigningKey(String secretKey, String date, byte[] key) {
    }
}
