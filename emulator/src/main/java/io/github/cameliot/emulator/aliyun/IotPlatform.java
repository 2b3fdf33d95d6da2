package io.github.cameliot.emulator.aliyun;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;

/**
 * The state of the emulated IoT Platform account: its products and devices, and the moves of device messages, to the
 * devices' simulated connections downstream and to the server-side subscription upstream. Every change happens under
 * its lock; the action handlers and the simulated devices share it.
 */
final class IotPlatform {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();

    final String region;
    private final LongSupplier millis;
    private final Consumer<DeviceMessage> subscription;
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Device> devicesByName = new LinkedHashMap<>();
    /** The 18-digit message ids the cloud answers. */
    private final AtomicLong messageIds = new AtomicLong(889455942124347329L);

    /**
     * @param subscription where the devices' messages go: the AMQP server-side subscription
     */
    IotPlatform(String region, LongSupplier millis, Consumer<DeviceMessage> subscription) {
        this.region = region;
        this.millis = millis;
        this.subscription = subscription;
    }

    long now() {
        return millis.getAsLong();
    }

    synchronized void clear() {
        products.clear();
        devices.clear();
        devicesByName.clear();
    }

    // ---- products

    synchronized Product addProduct(String name, int nodeType, int dataFormat, String commodityCode,
            String description, String protocolType, int netType, boolean id2) {
        if (products.values().stream().anyMatch(product -> product.productName.equals(name))) {
            throw new ApiError("iot.prod.AlreadyExistedProductName", "The product name " + name + " already exists.");
        }
        String productKey;
        do {
            productKey = "a1" + random(9);
        } while (products.containsKey(productKey));
        Product product = new Product(productKey, random(16), name, nodeType, dataFormat, commodityCode, description,
                protocolType, netType, id2, now());
        products.put(productKey, product);
        return product;
    }

    synchronized Product product(String productKey) {
        Product product = products.get(productKey);
        if (product == null) {
            throw new ApiError("iot.prod.NotExistedProduct", "The product " + productKey + " does not exist.");
        }
        return product;
    }

    synchronized List<Product> products() {
        return List.copyOf(products.values());
    }

    /** Deletes the product and its devices. */
    synchronized void removeProduct(String productKey) {
        product(productKey);
        for (Device device : devices(productKey)) {
            removeDevice(device);
        }
        products.remove(productKey);
    }

    // ---- devices

    synchronized Device addDevice(Product product, String deviceName, String nickname) {
        String name = deviceName == null || deviceName.isEmpty() ? random(20) : deviceName;
        if (!name.matches("[A-Za-z0-9_\\-@.:]{4,32}")) {
            throw new ApiError("iot.device.InvalidFormattedDeviceName", "The device name " + name + " is not 4 to 32 "
                    + "letters, digits, -, _, @, . or :.");
        }
        if (devicesByName.containsKey(key(product.productKey, name))) {
            throw new ApiError("iot.device.AlreadyExistedDeviceName", "The device name " + name
                    + " already exists in product " + product.productKey + ".");
        }
        Device device = new Device(product, name, random(20) + "000100" + random(2).toLowerCase(), random(32),
                nickname, now());
        devices.put(device.iotId, device);
        devicesByName.put(key(product.productKey, name), device);
        return device;
    }

    synchronized int deviceCount(String productKey) {
        return (int) devices.values().stream().filter(device -> device.productKey().equals(productKey)).count();
    }

    /** The product's devices, newest first. */
    synchronized List<Device> devices(String productKey) {
        List<Device> list = new ArrayList<>();
        devices.values().stream().filter(device -> device.productKey().equals(productKey))
                .forEach(device -> list.add(0, device));
        return list;
    }

    /** The device, or null. */
    synchronized Device findDevice(String productKey, String deviceName) {
        return devicesByName.get(key(productKey, deviceName));
    }

    synchronized Device findDevice(String iotId) {
        return devices.get(iotId);
    }

    /** The device a call selects by {@code IotId}, or else by {@code ProductKey} and {@code DeviceName}. */
    synchronized Device device(ApiCall call) {
        String iotId = call.text("IotId");
        String productKey = call.text("ProductKey");
        String deviceName = call.text("DeviceName");
        Device device;
        if (iotId != null && !iotId.isEmpty()) {
            device = devices.get(iotId);
        } else if (productKey != null && deviceName != null) {
            device = devicesByName.get(key(productKey, deviceName));
        } else {
            throw new ApiError("iot.device.InvalidIoTId", "Give IotId, or ProductKey and DeviceName.");
        }
        if (device == null) {
            throw new ApiError("iot.device.NotExistedDevice", "The device does not exist.");
        }
        return device;
    }

    synchronized void removeDevice(Device device) {
        if (device.online) {
            disconnect(device);
        }
        devices.remove(device.iotId);
        devicesByName.remove(key(device.productKey(), device.deviceName));
    }

    synchronized void enable(Device device, boolean enabled) {
        if (!enabled && device.online) {
            disconnect(device);
        }
        device.enabled = enabled;
    }

    // ---- the simulated connection

    synchronized void connect(Device device) {
        if (!device.enabled) {
            throw new IllegalStateException("The device " + device.deviceName + " is disabled");
        }
        if (device.online) {
            return;
        }
        long now = now();
        device.online = true;
        device.gmtOnline = now;
        if (device.gmtActive == 0) {
            device.gmtActive = now;
        }
        upstream(device, "/as/mqtt/status/" + device.productKey() + "/" + device.deviceName, status(device, "online"));
        device.received.addAll(device.pending);
        device.pending.clear();
    }

    synchronized void disconnect(Device device) {
        if (!device.online) {
            return;
        }
        device.online = false;
        upstream(device, "/as/mqtt/status/" + device.productKey() + "/" + device.deviceName, status(device, "offline"));
    }

    private ObjectNode status(Device device, String status) {
        long now = now();
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", status);
        body.put("iotId", device.iotId);
        body.put("productKey", device.productKey());
        body.put("deviceName", device.deviceName);
        body.put("time", Times.localMillis(now));
        body.put("utcTime", Times.utc(now));
        body.put("lastTime", Times.localMillis(now));
        body.put("utcLastTime", Times.utc(now));
        body.put("clientIp", "127.0.0.1");
        return body;
    }

    /** A message from the cloud to a device: delivered if it is online, kept until it connects if QoS 1. */
    synchronized DeviceMessage downstream(Device device, String topic, byte[] payload, int qos) {
        DeviceMessage message = new DeviceMessage(topic, payload, nextMessageId(), now(), qos);
        if (device.online) {
            device.received.add(message);
        } else if (qos == 1) {
            device.pending.add(message);
        }
        return message;
    }

    /** A message the device sends: to the server-side subscription. */
    synchronized DeviceMessage upstream(Device device, String topic, byte[] payload) {
        DeviceMessage message = new DeviceMessage(topic, payload, nextMessageId(), now(), 0);
        subscription.accept(message);
        return message;
    }

    private DeviceMessage upstream(Device device, String topic, ObjectNode body) {
        return upstream(device, topic, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The device reports property values: history, latest values and a message to the subscription. */
    synchronized void reportProperties(Device device, Map<String, ?> values) {
        long now = now();
        ObjectNode body = thingMessage(device, now);
        ObjectNode items = body.putObject("items");
        values.forEach((identifier, value) -> {
            ObjectNode fields = MAPPER.createObjectNode();
            fields.put("Value", String.valueOf(value));
            fields.put("Time", now);
            device.properties.add(identifier, new DeviceHistory.Entry(now, null, fields));
            ObjectNode item = items.putObject(identifier);
            item.set("value", MAPPER.valueToTree(value));
            item.put("time", now);
        });
        upstream(device, "/" + device.productKey() + "/" + device.deviceName + "/thing/event/property/post", body);
    }

    /** The device reports an event: history and a message to the subscription. */
    synchronized void reportEvent(Device device, String identifier, String eventType, Map<String, ?> output) {
        long now = now();
        ObjectNode value = MAPPER.valueToTree(output);
        ObjectNode fields = MAPPER.createObjectNode();
        fields.put("Name", identifier);
        fields.put("Time", Long.toString(now));
        fields.put("OutputData", value.toString());
        fields.put("EventType", eventType);
        fields.put("Identifier", identifier);
        device.events.add(identifier, new DeviceHistory.Entry(now, eventType, fields));
        ObjectNode body = thingMessage(device, now);
        body.put("identifier", identifier);
        body.put("name", identifier);
        body.put("type", eventType);
        body.set("value", value);
        body.put("time", now);
        upstream(device, "/" + device.productKey() + "/" + device.deviceName + "/thing/event/" + identifier + "/post",
                body);
    }

    /** The device reports its shadow state: one version up. */
    synchronized long reportShadow(Device device, Map<String, ?> reported) {
        device.shadow.report(MAPPER.valueToTree(reported), now());
        return device.shadow.version();
    }

    private ObjectNode thingMessage(Device device, long now) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("deviceType", "CustomCategory");
        body.put("iotId", device.iotId);
        body.put("requestId", Long.toString(now));
        body.putObject("checkFailedData");
        body.put("productKey", device.productKey());
        body.put("gmtCreate", now);
        body.put("deviceName", device.deviceName);
        return body;
    }

    String nextMessageId() {
        return Long.toString(messageIds.incrementAndGet());
    }

    private static String key(String productKey, String deviceName) {
        return productKey + '/' + deviceName;
    }

    static String random(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }
}
