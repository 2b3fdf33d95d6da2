package io.github.cameliot.emulator.tencent.explorer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.github.cameliot.emulator.http.ApiError;

/**
 * The Wi-Fi provisioning tokens ({@code AppCreateDeviceBindToken}): created in state 1, usable (state 2) once a device
 * has received the token during provisioning and reported it to the cloud, which {@link SimulatedDevice#provision}
 * plays; {@code AppTokenBindDeviceFamily} then binds that device.
 */
final class BindTokens {

    static final int CREATED = 1;
    static final int USABLE = 2;

    private record Token(String userId, int state, String deviceId) {
    }

    private final Map<String, Token> tokens = new HashMap<>();

    synchronized String create(String userId, boolean shortToken) {
        String token = UUID.randomUUID().toString().replace("-", "");
        if (shortToken) {
            token = token.substring(0, 6);
        }
        tokens.put(token, new Token(userId, CREATED, null));
        return token;
    }

    synchronized int state(String userId, String token) {
        return find(userId, token).state();
    }

    /** The device reported the token it received during provisioning. */
    synchronized void reported(String token, String deviceId) {
        Token known = tokens.get(token);
        if (known == null) {
            throw new IllegalArgumentException("No provisioning token " + token + " was created");
        }
        tokens.put(token, new Token(known.userId(), USABLE, deviceId));
    }

    /** Checks that the token is usable for the device, and uses it up. */
    synchronized void use(String userId, String token, String deviceId) {
        Token known = find(userId, token);
        if (known.state() != USABLE || !deviceId.equals(known.deviceId())) {
            throw new ApiError("InvalidParameterValue.TokenNotBind", "The device has not reported the token yet.");
        }
        tokens.remove(token);
    }

    synchronized void reset() {
        tokens.clear();
    }

    private Token find(String userId, String token) {
        Token known = tokens.get(token);
        if (known == null || !known.userId().equals(userId)) {
            throw new ApiError("InvalidParameterValue.TokenNotExist", "Token 不存在。");
        }
        return known;
    }
}
