package io.github.cameliot.emulator.tencent.explorer;

import java.time.OffsetDateTime;

/**
 * A change of a simulated device, as the long connection pushes it ({@code DeviceChange}).
 *
 * @param type    StatusChange, Property, Template, Event, Action, Shadow or UserDefined
 * @param subType Online / Offline for StatusChange, Report (device to cloud) or Push (cloud to device)
 * @param topic   the MQTT topic, empty where the cloud gives none (StatusChange, Template, Action)
 * @param payload the message, sent Base64-encoded; empty for StatusChange
 */
public record DeviceChange(String deviceId, String type, String subType, String topic, byte[] payload, long seq,
                           OffsetDateTime time) {
}
