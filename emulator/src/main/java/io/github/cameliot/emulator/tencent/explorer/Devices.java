package io.github.cameliot.emulator.tencent.explorer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.cameliot.emulator.http.ApiError;

/**
 * The simulated devices of the emulated IoT Explorer, and who listens to their changes (the long connection).
 */
final class Devices {

    /** The cloud's clock shows China time in the pushes. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final Map<String, SimulatedDevice> devices = new ConcurrentHashMap<>();
    private final List<Consumer<DeviceChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis());
    private final BindTokens bindTokens = new BindTokens();

    /** The device, created on first use. */
    SimulatedDevice device(String productId, String deviceName) {
        return devices.computeIfAbsent(productId + "/" + deviceName,
                id -> new SimulatedDevice(productId, deviceName, this));
    }

    /** The device, which the API needs to exist. */
    SimulatedDevice existing(String productId, String deviceName) {
        SimulatedDevice device = devices.get(productId + "/" + deviceName);
        if (device == null) {
            throw new ApiError("ResourceNotFound.DeviceNotExist", "设备 " + productId + "/" + deviceName
                    + " 未创建或已删除。");
        }
        return device;
    }

    SimulatedDevice existing(String deviceId) {
        int slash = deviceId == null ? -1 : deviceId.indexOf('/');
        if (slash <= 0) {
            throw new ApiError("InvalidParameterValue", "DeviceId " + deviceId + " is not ProductId/DeviceName.");
        }
        return existing(deviceId.substring(0, slash), deviceId.substring(slash + 1));
    }

    BindTokens bindTokens() {
        return bindTokens;
    }

    void listen(Consumer<DeviceChange> listener) {
        listeners.add(listener);
    }

    void changed(String deviceId, String type, String subType, String topic, byte[] payload) {
        long now = System.currentTimeMillis();
        DeviceChange change = new DeviceChange(deviceId, type, subType, topic, payload, seq.incrementAndGet(),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), CHINA));
        listeners.forEach(listener -> listener.accept(change));
    }

    void reset() {
        devices.clear();
        bindTokens.reset();
    }
}
