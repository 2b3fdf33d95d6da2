package io.github.cameliot.emulator.tencent.explorer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The users of the emulated application and their access tokens: a login registers the user on first use and issues
 * a new token valid until its {@code ExpireAt}; a token is refused once expired, logged out or revoked. There is no
 * refresh action in the API: logging in again is the refresh, and earlier tokens stay valid until they expire.
 */
public final class Sessions {

    /** A user of the application. */
    public record User(String userId, String wxOpenId, String nickName, String avatar) {
    }

    /** An issued token and its expiry in Unix seconds. */
    public record Login(String token, long expireAt, User user) {
    }

    private record Session(String userId, long expireAtMillis) {
    }

    /** Two hours, unless told otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);

    private final LongSupplier millis;
    private final Map<String, User> usersByOpenId = new HashMap<>();
    private final Map<String, User> usersById = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private Duration lifetime = DEFAULT_LIFETIME;

    public Sessions(LongSupplier millis) {
        this.millis = millis;
    }

    /** Logs a WeChat user in, registering them on their first login. */
    public synchronized Login loginByWeiXin(String wxOpenId, String nickName, String avatar) {
        User user = usersByOpenId.get(wxOpenId);
        if (user == null || !user.nickName().equals(nickName) || !user.avatar().equals(avatar)) {
            String id = user == null ? "u_" + UUID.randomUUID().toString().replace("-", "") : user.userId();
            user = new User(id, wxOpenId, nickName, avatar);
            usersByOpenId.put(wxOpenId, user);
            usersById.put(id, user);
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        long expireAtSeconds = (millis.getAsLong() + lifetime.toMillis()) / 1000;
        sessions.put(token, new Session(user.userId(), expireAtSeconds * 1000));
        return new Login(token, expireAtSeconds, user);
    }

    /** The user of a WeChat OpenID, registered (without a token) when they never logged in. */
    public synchronized User register(String wxOpenId) {
        return usersByOpenId.computeIfAbsent(wxOpenId, openId -> {
            User user = new User("u_" + UUID.randomUUID().toString().replace("-", ""), openId, "", "");
            usersById.put(user.userId(), user);
            return user;
        });
    }

    /** The user a valid token belongs to, or null when the token is unknown, expired or logged out. */
    public synchronized String user(String token) {
        Session session = token == null ? null : sessions.get(token);
        if (session == null) {
            return null;
        }
        if (millis.getAsLong() >= session.expireAtMillis()) {
            sessions.remove(token);
            return null;
        }
        return session.userId();
    }

    public synchronized User userById(String userId) {
        return usersById.get(userId);
    }

    /** The user of a WeChat OpenID, or null before their first login. */
    public synchronized User userByOpenId(String wxOpenId) {
        return usersByOpenId.get(wxOpenId);
    }

    /** Ends the session of a token. */
    public synchronized void logout(String token) {
        sessions.remove(token);
    }

    /** Makes every issued token invalid, as if they had all expired: the next calls must log in again. */
    public synchronized void expireAll() {
        sessions.clear();
    }

    /** How long the tokens issued from now on are valid. */
    public synchronized void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public synchronized void reset() {
        usersByOpenId.clear();
        usersById.clear();
        sessions.clear();
        lifetime = DEFAULT_LIFETIME;
    }
}
