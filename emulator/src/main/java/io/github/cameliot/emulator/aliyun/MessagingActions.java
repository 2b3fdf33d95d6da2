package io.github.cameliot.emulator.aliyun;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * What the cloud sends devices: Pub and PubBroadcast (the Base64 payload, decoded, reaches the connected devices;
 * QoS 1 waits for an offline device), RRpc (answered by the simulated device within the timeout, or
 * {@code TIMEOUT}/{@code OFFLINE}), and the thing model's property sets and service calls.
 */
final class MessagingActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotPlatform platform;

    MessagingActions(IotPlatform platform) {
        this.platform = platform;
    }

    void register(ApiServer server) {
        server.handle("Pub", this::pub)
                .handle("PubBroadcast", this::broadcast)
                .handle("RRpc", this::rrpc)
                .handle("SetDeviceProperty", call -> {
                    synchronized (platform) {
                        return withMessageId(setProperty(platform.device(call), call));
                    }
                })
                .handle("SetDevicesProperty", call -> {
                    synchronized (platform) {
                        devices(call).forEach(device -> setProperty(device, call));
                        return MAPPER.createObjectNode();
                    }
                })
                .handle("InvokeThingService", call -> {
                    synchronized (platform) {
                        return withMessageId(invoke(platform.device(call), call));
                    }
                })
                .handle("InvokeThingsService", call -> {
                    synchronized (platform) {
                        devices(call).forEach(device -> invoke(device, call));
                        return MAPPER.createObjectNode();
                    }
                });
    }

    private ObjectNode pub(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            String topic = call.text("TopicFullName");
            String prefix = "/" + product.productKey + "/";
            if (!topic.startsWith(prefix) || topic.indexOf('/', prefix.length()) < 0 || topic.contains("#")
                    || topic.contains("+")) {
                throw new ApiError("iot.messagebroker.InvalidFormattedTopicName", "The topic " + topic
                        + " is not a topic of a device of product " + product.productKey + ".");
            }
            byte[] payload = payload(call, "MessageContent");
            int qos = Params.integer(call, "Qos", 0);
            String deviceName = topic.substring(prefix.length(), topic.indexOf('/', prefix.length()));
            Device device = platform.findDevice(product.productKey, deviceName);
            String messageId = device != null ? platform.downstream(device, topic, payload, qos).messageId()
                    : platform.nextMessageId();
            ObjectNode output = MAPPER.createObjectNode();
            output.put("MessageId", Long.parseLong(messageId));
            return output;
        }
    }

    /** To every connected device of the product (a broadcast topic needs no subscription in the emulator). */
    private ObjectNode broadcast(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            String topic = call.text("TopicFullName");
            if (!topic.startsWith("/broadcast/" + product.productKey + "/")) {
                throw new ApiError("iot.messagebroker.InvalidFormattedTopicName", "A broadcast topic is /broadcast/"
                        + product.productKey + "/...");
            }
            byte[] payload = payload(call, "MessageContent");
            String messageId = platform.nextMessageId();
            for (Device device : platform.devices(product.productKey)) {
                if (device.online) {
                    platform.downstream(device, topic, payload, 0);
                }
            }
            ObjectNode output = MAPPER.createObjectNode();
            output.put("MessageId", Long.parseLong(messageId));
            return output;
        }
    }

    /** The device's replier runs outside the platform's lock, with the call's timeout. */
    private ObjectNode rrpc(ApiCall call) {
        long timeout = Params.number(call, "Timeout", 0);
        if (timeout < 1000 || timeout > 5000) {
            throw new ApiError("iot.messagebroker.InvalidTimeoutValue", "Timeout is 1000 to 5000 milliseconds.");
        }
        byte[] request = payload(call, "RequestBase64Byte");
        Device device;
        DeviceMessage message;
        Function<byte[], byte[]> replier;
        synchronized (platform) {
            device = platform.device(call);
            if (!device.online) {
                return rrpcAnswer("OFFLINE", platform.nextMessageId(), null);
            }
            String id = platform.nextMessageId();
            String topic = call.text("Topic") == null
                    ? "/sys/" + device.productKey() + "/" + device.deviceName + "/rrpc/request/" + id
                    : "/ext/rrpc/" + id + call.text("Topic");
            message = platform.downstream(device, topic, request, 0);
            replier = device.rrpcReplier;
        }
        if (replier == null) {
            return rrpcAnswer("TIMEOUT", message.messageId(), null);
        }
        try {
            byte[] reply = CompletableFuture.supplyAsync(() -> replier.apply(request))
                    .get(timeout, TimeUnit.MILLISECONDS);
            return reply == null ? rrpcAnswer("TIMEOUT", message.messageId(), null)
                    : rrpcAnswer("SUCCESS", message.messageId(), reply);
        } catch (TimeoutException e) {
            return rrpcAnswer("TIMEOUT", message.messageId(), null);
        } catch (ExecutionException e) {
            return rrpcAnswer("UNKNOW", message.messageId(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rrpcAnswer("UNKNOW", message.messageId(), null);
        }
    }

    private static ObjectNode rrpcAnswer(String code, String messageId, byte[] reply) {
        ObjectNode output = MAPPER.createObjectNode();
        output.put("RrpcCode", code);
        if (reply != null) {
            output.put("PayloadBase64Byte", Base64.getEncoder().encodeToString(reply));
        }
        output.put("MessageId", Long.parseLong(messageId));
        return output;
    }

    /** Alink's {@code thing.service.property.set} on the device's system topic. */
    private DeviceMessage setProperty(Device device, ApiCall call) {
        ObjectNode items = Params.object(call, "Items", "iot.device.InvalidFormattedDevicePropertiesString");
        if (items.isEmpty()) {
            throw new ApiError("iot.device.NullDevicePropertiesString", "Items has no property.");
        }
        return alink(device, "/sys/" + device.productKey() + "/" + device.deviceName + "/thing/service/property/set",
                "set", "thing.service.property.set", items);
    }

    /** Alink's {@code thing.service.IDENTIFIER} on the device's system topic. */
    private DeviceMessage invoke(Device device, ApiCall call) {
        ObjectNode args = Params.object(call, "Args", "iot.device.InvokeThingServiceFailed");
        String identifier = call.text("Identifier");
        return alink(device, "/sys/" + device.productKey() + "/" + device.deviceName + "/thing/service/" + identifier,
                identifier, "thing.service." + identifier, args);
    }

    /**
     * An Alink request to an online device, kept in its service history with the simulated device's acknowledgement
     * (it takes every command).
     */
    private DeviceMessage alink(Device device, String topic, String service, String method, ObjectNode params) {
        if (!device.online) {
            throw new ApiError("iot.messagebroker.OFFLINE", "The device " + device.deviceName + " is offline.");
        }
        ObjectNode request = MAPPER.createObjectNode();
        request.put("id", Long.toString(platform.now()));
        request.put("version", "1.0");
        request.set("params", params);
        request.put("method", method);
        DeviceMessage message = platform.downstream(device, topic, request.toString().getBytes(StandardCharsets.UTF_8),
                0);
        ObjectNode reply = MAPPER.createObjectNode();
        reply.put("code", 200);
        reply.putObject("data");
        reply.put("id", request.get("id").asText());
        reply.put("message", "success");
        reply.put("version", "1.0");
        ObjectNode fields = MAPPER.createObjectNode();
        fields.put("Name", service);
        fields.put("Time", message.generateTime());
        fields.put("OutputData", reply.toString());
        fields.put("InputData", params.toString());
        fields.put("Identifier", service);
        device.services.add(service, new DeviceHistory.Entry(message.generateTime(), null, fields));
        return message;
    }

    private List<Device> devices(ApiCall call) {
        List<Device> devices = new ArrayList<>();
        platform.product(call.text("ProductKey"));
        for (String name : Params.texts(call, "DeviceName")) {
            Device device = platform.findDevice(call.text("ProductKey"), name);
            if (device == null) {
                throw new ApiError("iot.device.NotExistedDevice", "The device " + name + " does not exist.");
            }
            devices.add(device);
        }
        return devices;
    }

    private static ObjectNode withMessageId(DeviceMessage message) {
        ObjectNode output = MAPPER.createObjectNode();
        output.putObject("Data").put("MessageId", message.messageId());
        return output;
    }

    private static byte[] payload(ApiCall call, String name) {
        if (call.text(name).isEmpty()) {
            throw new ApiError("iot.messagebroker.NullMessageContent", "The message content is empty.");
        }
        return Params.base64(call, name, "iot.messagebroker.MessageContentIsNotBase64Encode");
    }
}
