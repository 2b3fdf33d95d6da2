package io.github.cameliot.cloudapi.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashes and MACs the cloud signers use. {@link Mac} and {@link MessageDigest} instances are kept per thread:
 * looking them up through the security providers on every call costs more than the hashing itself.
 */
public final class Crypto {

    public static final String HMAC_SHA256 = "HmacSHA256";
    public static final String HMAC_SHA1 = "HmacSHA1";

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Mac> SHA256_MAC = ThreadLocal.withInitial(() -> mac(HMAC_SHA256));
    private static final ThreadLocal<Mac> SHA1_MAC = ThreadLocal.withInitial(() -> mac(HMAC_SHA1));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Crypto::sha256Digest);

    private Crypto() {
    }

    public static byte[] hmacSha256(byte[] key, String data) {
        return hmac(SHA256_MAC.get(), HMAC_SHA256, key, data.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha1(byte[] key, String data) {
        return hmac(SHA1_MAC.get(), HMAC_SHA1, key, data.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC with the named algorithm ({@link #HMAC_SHA1} or {@link #HMAC_SHA256}). */
    public static byte[] hmac(String algorithm, byte[] key, String data) {
        return switch (algorithm) {
            case HMAC_SHA256 -> hmacSha256(key, data);
            case HMAC_SHA1 -> hmacSha1(key, data);
            default -> throw new IllegalArgumentException("Unsupported HMAC algorithm: " + algorithm);
        };
    }

    public static String sha256Hex(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return hex(digest.digest(data));
    }

    public static String sha256Hex(String data) {
        return sha256Hex(data.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[i * 2] = HEX[(bytes[i] >> 4) & 0xf];
            out[i * 2 + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    private static byte[] hmac(Mac mac, String algorithm, byte[] key, byte[] data) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
