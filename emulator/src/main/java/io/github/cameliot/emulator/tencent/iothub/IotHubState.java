package io.github.cameliot.emulator.tencent.iothub;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Everything the emulated IoT Hub account holds: products with their devices, topic rules and firmware tasks. One
 * lock guards it all ({@link #locked}): the calls are few and short, and one lock keeps multi-object changes (a
 * gateway binding, a rule firing into devices) consistent without ordering rules.
 */
final class IotHubState {

    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    final Map<String, Product> products = new LinkedHashMap<>();
    final Map<String, TopicRule> rules = new LinkedHashMap<>();
    final Map<Long, FirmwareTask> firmwareTasks = new LinkedHashMap<>();
    final AtomicLong messageIds = new AtomicLong();
    private final LongSupplier millis;
    private final SecureRandom random = new SecureRandom();
    private long nextTaskId = 10000;

    IotHubState(LongSupplier millis) {
        this.millis = millis;
    }

    long nowMillis() {
        return millis.getAsLong();
    }

    long nowSeconds() {
        return millis.getAsLong() / 1000;
    }

    /** Runs {@code work} holding the state's lock. */
    synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    synchronized void locked(Runnable work) {
        work.run();
    }

    synchronized void clear() {
        products.clear();
        rules.clear();
        firmwareTasks.clear();
        nextTaskId = 10000;
    }

    Product product(String productId) {
        Product product = products.get(productId);
        if (product == null) {
            throw IotHubErrors.productNotExist(productId);
        }
        return product;
    }

    /** The device, refused with ProductNotExist or DeviceNotExist. */
    Device device(String productId, String deviceName) {
        Device device = product(productId).devices.get(deviceName);
        if (device == null) {
            throw IotHubErrors.deviceNotExist(productId, deviceName);
        }
        return device;
    }

    /** The device, or null when it or its product does not exist. */
    Device findDevice(String productId, String deviceName) {
        Product product = products.get(productId);
        return product == null ? null : product.devices.get(deviceName);
    }

    /** A fresh product id: ten upper-case letters and digits, as IoT Hub's. */
    String newProductId() {
        String id;
        do {
            id = randomText(10);
        } while (products.containsKey(id));
        return id;
    }

    /** A random device key: 16 bytes, base64, as the PSKs IoT Hub generates. */
    String newPsk() {
        return randomBase64(16);
    }

    String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    String randomText(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    int nonce() {
        return random.nextInt(Integer.MAX_VALUE);
    }

    long newTaskId() {
        return nextTaskId++;
    }
}
