package io.github.cameliot.emulator.aliyun;

import java.nio.charset.StandardCharsets;

/**
 * A message on a device's MQTT connection, either way: what the cloud sent the device (Pub, PubBroadcast, RRpc
 * requests, property sets, service calls, shadow changes), or what the device sent the cloud.
 *
 * @param topic        the topic, such as {@code /a1BwAGVabcd/dev1/user/get}
 * @param payload      the payload's bytes
 * @param messageId    the id the cloud gave the message
 * @param generateTime when it was made, in milliseconds since the epoch
 * @param qos          0 or 1
 */
public record DeviceMessage(String topic, byte[] payload, String messageId, long generateTime, int qos) {

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DeviceMessage[topic=" + topic + ", messageId=" + messageId + ", " + payload.length + " bytes]";
    }
}
