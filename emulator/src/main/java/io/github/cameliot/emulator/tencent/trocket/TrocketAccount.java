package io.github.cameliot.emulator.tencent.trocket;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongSupplier;

/**
 * The emulated account: its RocketMQ 5.x and MQTT instances, the clock, the cloud's error codes for names that do not
 * exist or exist already, and the random ids and keys the cloud hands out.
 */
final class TrocketAccount {

    static final String INSTANCE_NOT_FOUND = "ResourceNotFound.Instance";
    static final String TOPIC_NOT_FOUND = "ResourceNotFound.Topic";
    static final String GROUP_NOT_FOUND = "ResourceNotFound.Group";
    static final String ROLE_NOT_FOUND = "ResourceNotFound.Role";
    static final String ALREADY_EXISTS = "UnsupportedOperation.ResourceAlreadyExists";

    private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    final InstanceStore<RocketMqInstance> rocketMq = new InstanceStore<>("rmq-", RocketMqInstance::new, this);
    final InstanceStore<MqttInstance> mqtt = new InstanceStore<>("mqtt-", MqttInstance::new, this);

    private final SecureRandom random = new SecureRandom();
    private final LongSupplier millis;

    TrocketAccount(LongSupplier millis) {
        this.millis = millis;
    }

    long millis() {
        return millis.getAsLong();
    }

    /** Forgets every instance. */
    void clear() {
        rocketMq.clear();
        mqtt.clear();
    }

    /** A role's AccessKey: random, URL-safe, as long as the cloud's. */
    String newAccessKey() {
        return "ak" + randomBase64(24, true);
    }

    /** A role's SecretKey: 32 random bytes in Base64, shaped as the cloud's. */
    String newSecretKey() {
        return randomBase64(32, false);
    }

    /** An MQTT user's password, when CreateMQTTUser leaves it to the cloud. */
    String newPassword() {
        return randomBase64(18, true);
    }

    String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return text.toString();
    }

    private String randomBase64(int bytes, boolean urlSafe) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return urlSafe ? Base64.getUrlEncoder().withoutPadding().encodeToString(value)
                : Base64.getEncoder().encodeToString(value);
    }
}
