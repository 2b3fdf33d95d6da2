package io.github.cameliot.cloudapi.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Alibaba Cloud RPC-style API signature, {@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0} (the IoT
 * Platform API and the other RPC-style products):
 * <pre>
 * CanonicalizedQueryString = percentEncode(name) "=" percentEncode(value), sorted by name, joined with "&amp;"
 * StringToSign             = METHOD "&amp;" percentEncode("/") "&amp;" percentEncode(CanonicalizedQueryString)
 * Signature                = Base64(HMAC-SHA1(AccessKeySecret + "&amp;", UTF-8 bytes of StringToSign))
 * </pre>
 * The parameters are every one that is sent, the common ones ({@code AccessKeyId}, {@code Timestamp},
 * {@code SignatureNonce}, {@code SecurityToken} with STS credentials, ...), {@code Action} and the action's own, query
 * and form ones alike, but never {@code Signature} itself: {@link #stringToSign} and {@link #sign} skip an entry
 * named {@code Signature}, so a map that already holds one is signed as if it did not. Values are signed exactly as
 * given, never trimmed, validated or normalized: a value the server would reject (such as Base64 with missing padding)
 * still gets the signature the server computes for it. A {@code null} value is rejected: leave the parameter out.
 * <p>
 * Names are sorted in {@link String} natural order (UTF-16 code units), which is what the official SDK does and is
 * byte order for ASCII names, so upper case sorts before lower case and {@code DeviceName.10} before
 * {@code DeviceName.2}. A map with another comparator is re-sorted.
 */
public final class AliyunRpcSigner {

    /** The parameter that carries the signature, and is never signed. */
    public static final String SIGNATURE = "Signature";
    /** The value of the {@code SignatureMethod} parameter. */
    public static final String SIGNATURE_METHOD = "HMAC-SHA1";
    /** The value of the {@code SignatureVersion} parameter. */
    public static final String SIGNATURE_VERSION = "1.0";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** {@code percentEncode("/")}, the only path RPC-style APIs sign. */
    private static final String ENCODED_PATH = "%2F";

    private AliyunRpcSigner() {
    }

    /**
     * RFC 3986 percent-encoding of the UTF-8 bytes of a string: {@code A-Z a-z 0-9 - _ . ~} are kept, every other byte
     * becomes {@code %XY} in upper-case hex (a space is {@code %20}, never {@code +}; {@code *} is {@code %2A};
     * {@code ~} stays). This is the doc's {@code URLEncoder.encode(value, "UTF-8").replace("+", "%20")
     * .replace("*", "%2A").replace("%7E", "~")}, including its handling of an unpaired surrogate, which UTF-8 encodes
     * as {@code ?} ({@code %3F}).
     */
    public static String percentEncode(String value) {
        int length = value.length();
        int plain = 0;
        while (plain < length && isUnreserved(value.charAt(plain))) {
            plain++;
        }
        if (plain == length) {
            return value;
        }
        byte[] bytes = value.substring(plain).getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(plain + bytes.length * 3);
        sb.append(value, 0, plain);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }

    /**
     * The {@code CanonicalizedQueryString}: every parameter, {@code Signature} included if present, as
     * {@code percentEncode(name)=percentEncode(value)} sorted by name and joined with {@code &}. It is also a valid
     * query string (or form body) for sending the parameters.
     */
    public static String canonicalQuery(SortedMap<String, String> parameters) {
        return canonicalQuery(parameters, false);
    }

    /**
     * {@code METHOD&%2F&percentEncode(CanonicalizedQueryString)}, over all the parameters but {@code Signature}. The
     * method is upper-cased; nothing else is changed.
     */
    public static String stringToSign(String method, SortedMap<String, String> parameters) {
        return method.toUpperCase(Locale.ROOT) + '&' + ENCODED_PATH + '&' + percentEncode(canonicalQuery(parameters, true));
    }

    /**
     * The value of the {@code Signature} parameter: the Base64 (standard alphabet, padded) HMAC-SHA1 of the
     * {@link #stringToSign StringToSign}, keyed with the AccessKeySecret followed by {@code &}. It still has to be
     * percent-encoded when put in a query string or form body ({@code /}, {@code +} and {@code =} occur).
     *
     * @param parameters all the parameters sent, but {@code Signature} (which is skipped if present)
     */
    public static String sign(String method, SortedMap<String, String> parameters, String accessKeySecret) {
        byte[] key = (accessKeySecret + '&').getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Crypto.hmacSha1(key, stringToSign(method, parameters)));
    }

    private static String canonicalQuery(SortedMap<String, String> parameters, boolean skipSignature) {
        SortedMap<String, String> sorted = parameters;
        if (parameters.comparator() != null) {
            sorted = new TreeMap<>();
            sorted.putAll(parameters);
        }
        StringBuilder sb = new StringBuilder(32 * sorted.size());
        for (Map.Entry<String, String> parameter : sorted.entrySet()) {
            String name = parameter.getKey();
            if (skipSignature && SIGNATURE.equals(name)) {
                continue;
            }
            String value = parameter.getValue();
            if (value == null) {
                throw new NullPointerException("Parameter " + name + " has no value");
            }
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(percentEncode(name)).append('=').append(percentEncode(value));
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
               || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
