package io.github.cameliot.emulator.tencent.iothub;

import java.nio.charset.StandardCharsets;

/**
 * A message a simulated device received: from PublishMessage, from a rule's {@code republish}, or an RRPC request.
 *
 * @param topic   the topic it came on, such as {@code ABCDE12345/dev1/control}
 * @param payload the bytes the device received (PublishMessage's base64 payloads decoded)
 * @param qos     0 or 1
 */
public record DeviceMessage(String topic, byte[] payload, int qos) {

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
