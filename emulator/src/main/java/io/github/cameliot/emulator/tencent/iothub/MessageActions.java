package io.github.cameliot.emulator.tencent.iothub;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * PublishMessage and PublishRRPCMessage: messages from the cloud to a simulated device. A QoS 1 message to an
 * offline device is kept and delivered when it connects (answered {@code LimitExceeded.MessageSaved}, as the cloud
 * does); an RRPC request is answered by the device's RRPC handler.
 */
final class MessageActions {

    /** How many QoS 1 messages an offline device keeps. */
    static final int OFFLINE_QUEUE_LIMIT = 150;

    private final IotHubState state;

    MessageActions(IotHubState state) {
        this.state = state;
    }

    void register(ApiServer server) {
        server.handle("PublishMessage", this::publish);
        server.handle("PublishRRPCMessage", this::rrpc);
    }

    private ObjectNode publish(ApiCall call) {
        String productId = call.text("ProductId");
        String deviceName = call.text("DeviceName");
        String topic = call.text("Topic");
        if (!topic.startsWith(productId + "/" + deviceName + "/")
                || !topic.substring(productId.length() + deviceName.length() + 2).matches("[a-zA-Z0-9:_/-]{1,128}")) {
            throw IotHubErrors.failed("InvalidTopicName", "The topic " + topic + " is not " + productId + "/"
                    + deviceName + "/<name>.");
        }
        int qos = call.params().path("Qos").asInt(0);
        if (qos != 0 && qos != 1) {
            throw IotHubErrors.invalid("Qos must be 0 or 1.");
        }
        DeviceMessage message = new DeviceMessage(topic, payload(call), qos);
        Runnable notify = state.locked(() -> {
            Device device = target(productId, deviceName);
            if (device.isOnline()) {
                return DeviceMailbox.receive(device, message);
            }
            if (qos == 0) {
                throw IotHubErrors.failed("DeviceOffline", device.key() + " is offline.");
            }
            if (device.offlineQueue.size() >= OFFLINE_QUEUE_LIMIT) {
                throw new ApiError("LimitExceeded.OfflineMessageExceedLimit", device.key() + " keeps "
                        + OFFLINE_QUEUE_LIMIT + " offline messages already.");
            }
            device.offlineQueue.add(message);
            throw new ApiError("LimitExceeded.MessageSaved", "The message was saved to the offline queue of "
                    + device.key() + ".");
        });
        notify.run();
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode rrpc(ApiCall call) {
        String productId = call.text("ProductId");
        String deviceName = call.text("DeviceName");
        byte[] request = call.text("Payload").getBytes(StandardCharsets.UTF_8);
        long messageId = state.messageIds.incrementAndGet();
        DeviceMessage message = new DeviceMessage("$rrpc/rxd/" + productId + "/" + deviceName + "/" + messageId,
                request, 0);
        Function<DeviceMessage, byte[]> responder = state.locked(() -> {
            Device device = target(productId, deviceName);
            if (!device.isOnline()) {
                throw IotHubErrors.failed("DeviceOffline", device.key() + " is offline.");
            }
            if (device.rrpcResponder == null) {
                throw IotHubErrors.failed("DeviceNoSubscription", device.key() + " has not subscribed to RRPC.");
            }
            device.received.add(message);
            return device.rrpcResponder;
        });
        byte[] reply;
        try {
            reply = responder.apply(message);
        } catch (RuntimeException e) {
            reply = null;
        }
        if (reply == null) {
            throw IotHubErrors.failed("RRPCTimeout", "The device " + productId + "/" + deviceName
                    + " did not answer the RRPC request.");
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("MessageId", messageId);
        output.put("PayloadBase64", Base64.getEncoder().encodeToString(reply));
        return output;
    }

    private Device target(String productId, String deviceName) {
        Device device = state.findDevice(productId, deviceName);
        if (device == null) {
            throw state.products.containsKey(productId) ? IotHubErrors.deviceNotExist(productId, deviceName)
                    : IotHubErrors.productOrDeviceNotExist(productId, deviceName);
        }
        if (device.enableState == 0) {
            throw IotHubErrors.failed("DeviceAlreadyDisabled", device.key() + " is disabled.");
        }
        return device;
    }

    private static byte[] payload(ApiCall call) {
        String payload = call.text("Payload");
        if ("base64".equals(call.text("PayloadEncoding"))) {
            try {
                return Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw IotHubErrors.invalid("Payload is not base64 although PayloadEncoding is base64.");
            }
        }
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
