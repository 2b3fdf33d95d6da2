package io.github.cameliot.emulator.aliyun;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A registered device, driven by a test as its firmware would drive it: it connects and disconnects (changing its
 * online state and sending status messages), publishes to its topics, reports property values, events and shadow
 * state, receives what the cloud sends it, and answers RRpc requests.
 * <pre>{@code
 * SimulatedDevice device = cloud.aliyunIot().device(productKey, "dev1");
 * device.onRrpc(request -> "pong".getBytes());
 * device.connect();
 * device.reportProperties(Map.of("temperature", 21.5));
 * }</pre>
 * What the device sends goes to the AMQP server-side subscription, if one was opened
 * ({@link AliyunIotEmulator#amqpUrl()}).
 */
public final class SimulatedDevice {

    private final IotPlatform platform;
    private final String productKey;
    private final String deviceName;

    SimulatedDevice(IotPlatform platform, String productKey, String deviceName) {
        this.platform = platform;
        this.productKey = productKey;
        this.deviceName = deviceName;
    }

    public String productKey() {
        return productKey;
    }

    public String deviceName() {
        return deviceName;
    }

    /** The IotId the cloud gave the device. */
    public String iotId() {
        return device().iotId;
    }

    /** The DeviceSecret the cloud gave the device. */
    public String deviceSecret() {
        return device().deviceSecret;
    }

    /**
     * Goes online: the device's status becomes {@code ONLINE} (activating it the first time), a status message goes to
     * the subscription, and the QoS 1 messages sent while it was offline arrive.
     *
     * @throws IllegalStateException when the device is disabled
     */
    public SimulatedDevice connect() {
        platform.connect(device());
        return this;
    }

    /** Goes offline: status {@code OFFLINE}, and a status message to the subscription. */
    public SimulatedDevice disconnect() {
        platform.disconnect(device());
        return this;
    }

    public boolean isConnected() {
        return device().online;
    }

    /** Publishes a message on one of its topics, such as {@code /PK/NAME/user/update}. */
    public DeviceMessage publish(String topic, byte[] payload) {
        return platform.upstream(connected(), topic, payload);
    }

    public DeviceMessage publish(String topic, String payload) {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Reports property values (thing model {@code property/post}), now: history, latest values, subscription. */
    public SimulatedDevice reportProperties(Map<String, ?> values) {
        platform.reportProperties(connected(), values);
        return this;
    }

    /** Reports an event (thing model {@code event/IDENTIFIER/post}) of type {@code info}, {@code alert} or {@code error}. */
    public SimulatedDevice reportEvent(String identifier, String eventType, Map<String, ?> output) {
        platform.reportEvent(connected(), identifier, eventType, output);
        return this;
    }

    /** Reports shadow state ({@code reported}); answers the shadow's new version. */
    public long reportShadow(Map<String, ?> reported) {
        return platform.reportShadow(connected(), reported);
    }

    /** What the cloud sent the device while it was connected, oldest first. */
    public List<DeviceMessage> received() {
        return List.copyOf(device().received);
    }

    /**
     * How the device answers RRpc requests: the request's bytes in, the reply's bytes out; null (or no replier at all)
     * lets the request time out.
     */
    public SimulatedDevice onRrpc(Function<byte[], byte[]> replier) {
        device().rrpcReplier = replier;
        return this;
    }

    private Device device() {
        Device device = platform.findDevice(productKey, deviceName);
        if (device == null) {
            throw new IllegalStateException("No device " + deviceName + " in product " + productKey);
        }
        return device;
    }

    private Device connected() {
        Device device = device();
        if (!device.online) {
            throw new IllegalStateException("The device " + deviceName + " is not connected");
        }
        return device;
    }
}
