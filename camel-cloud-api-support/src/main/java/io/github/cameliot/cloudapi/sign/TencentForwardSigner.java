package io.github.cameliot.cloudapi.sign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The signature IoT Hub's rule engine puts on what its {@code forward} action posts: headers {@code Signature},
 * {@code Timestamp} and {@code Nonce}, where
 * {@code Signature = hex(sha1(concat(sort([token, timestamp, nonce]))))} and the token is the one configured in the
 * rule's action.
 */
public final class TencentForwardSigner {

    private TencentForwardSigner() {
    }

    public static String sign(String token, String timestamp, String nonce) {
        String[] parts = { token, timestamp, nonce };
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** Whether the signature is the token's, compared in constant time. */
    public static boolean verify(String token, String timestamp, String nonce, String signature) {
        if (timestamp == null || nonce == null || signature == null) {
            return false;
        }
        byte[] expected = sign(token, timestamp, nonce).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
