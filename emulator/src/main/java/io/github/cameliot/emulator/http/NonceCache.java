package io.github.cameliot.emulator.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces seen within the signature's validity window: a nonce used twice in it marks a replayed request.
 */
public final class NonceCache {

    private final long windowMillis;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public NonceCache(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Records a nonce; false when it was already used within the window. */
    public boolean firstUse(String principal, String nonce, long nowMillis) {
        if (seen.size() > 10_000) {
            seen.values().removeIf(at -> nowMillis - at > windowMillis);
        }
        Long before = seen.putIfAbsent(principal + '\n' + nonce, nowMillis);
        if (before == null) {
            return true;
        }
        if (nowMillis - before > windowMillis) {
            seen.put(principal + '\n' + nonce, nowMillis);
            return true;
        }
        return false;
    }
}
