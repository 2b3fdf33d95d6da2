package io.github.cameliot.emulator.tencent.trocket;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A message read back from a topic of the RocketMQ behind the emulator.
 *
 * @param tag        the message's tag, or null
 * @param properties its user properties
 */
public record TrocketMessage(String messageId, String topic, String tag, Map<String, String> properties, byte[] body) {

    public TrocketMessage {
        properties = Map.copyOf(properties);
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
