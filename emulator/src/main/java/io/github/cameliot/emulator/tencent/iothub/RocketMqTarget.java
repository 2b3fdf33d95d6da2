package io.github.cameliot.emulator.tencent.iothub;

/**
 * Where a topic rule's {@code tdmq} action puts the messages it selects: a TDMQ RocketMQ topic. The emulator's
 * TDMQ RocketMQ cloud provides one that writes to a real RocketMQ broker; a test may provide its own.
 */
@FunctionalInterface
public interface RocketMqTarget {

    /**
     * Sends one message.
     *
     * @param instanceId the TDMQ instance the rule names, such as {@code rmq-abc123}
     * @param topic      the topic the rule names
     * @param tag        the message tag the rule names, empty when none
     * @param body       the selected message as JSON bytes
     */
    void send(String instanceId, String topic, String tag, byte[] body);
}
