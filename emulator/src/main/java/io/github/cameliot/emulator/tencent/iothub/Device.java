package io.github.cameliot.emulator.tencent.iothub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device as IoT Hub keeps it: its key, enable state, connection state, shadow, gateway binding, and the QoS 1
 * messages kept for it while it is offline. The {@link IotHubState} lock guards it.
 */
final class Device {

    /** DescribeDevice's Online: 0 offline, 1 online, 3 never activated. */
    static final int OFFLINE = 0;
    static final int ONLINE = 1;
    static final int INACTIVE = 3;

    final String productId;
    final String name;
    final long createSeconds;
    final ArrayNode tags;
    String psk;
    int enableState = 1;
    int online = INACTIVE;
    long loginSeconds;
    long firstOnlineSeconds;
    long lastOfflineSeconds;
    long lastUpdateSeconds;
    int logLevel;
    String firmwareVersion = "";
    long firmwareUpdateSeconds;
    boolean clientKeyFetched;
    Shadow shadow;
    /** The gateway this device is bound to, as {@code productId/deviceName}, or null. */
    String gateway;
    /** The sub-devices bound to this gateway: {@code productId/deviceName} to the binding time in seconds. */
    final Map<String, Long> subDevices = new LinkedHashMap<>();
    final Deque<DeviceMessage> offlineQueue = new ArrayDeque<>();
    final List<DeviceMessage> received = new ArrayList<>();
    /** The simulated device's code: called outside the state's lock, in the order the messages arrive. */
    final List<Consumer<DeviceMessage>> listeners = new CopyOnWriteArrayList<>();
    volatile Function<DeviceMessage, byte[]> rrpcResponder;

    Device(String productId, String name, String psk, ArrayNode tags, long nowMillis) {
        this.productId = productId;
        this.name = name;
        this.psk = psk;
        this.tags = tags == null ? JsonNodeFactory.instance.arrayNode() : tags;
        this.createSeconds = nowMillis / 1000;
        this.lastUpdateSeconds = createSeconds;
        this.shadow = new Shadow(nowMillis);
    }

    /** Comes online, as an MQTT CONNECT the broker accepts. */
    void connect(long nowSeconds) {
        if (online != ONLINE) {
            online = ONLINE;
            loginSeconds = nowSeconds;
            if (firstOnlineSeconds == 0) {
                firstOnlineSeconds = nowSeconds;
            }
        }
    }

    /** Goes offline: a disconnect, a reset of the connection state, or the broker closing a disabled device. */
    void disconnect(long nowSeconds) {
        if (online == ONLINE) {
            online = OFFLINE;
            lastOfflineSeconds = nowSeconds;
        }
    }

    boolean isOnline() {
        return online == ONLINE;
    }

    String key() {
        return productId + "/" + name;
    }

    /** The device as DescribeDevice and, per device, DescribeDevices answer it. */
    ObjectNode info() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("DeviceName", name);
        info.put("Online", online);
        info.put("LoginTime", loginSeconds);
        info.put("Version", firmwareVersion);
        info.put("LastUpdateTime", lastUpdateSeconds);
        info.put("DeviceCert", "");
        info.put("DevicePsk", psk);
        info.set("Tags", tags.deepCopy());
        info.put("DeviceType", 0);
        info.put("Imei", "");
        info.put("Isp", 0);
        info.put("ConnIP", online == ONLINE ? 2130706433L : 0L); // 127.0.0.1
        info.put("LoraDevEui", "");
        info.put("LoraMoteType", 0);
        info.put("LogLevel", logLevel);
        info.put("FirstOnlineTime", firstOnlineSeconds);
        info.put("LastOfflineTime", lastOfflineSeconds);
        info.put("CreateTime", createSeconds);
        info.put("CertState", clientKeyFetched ? 1 : 0);
        info.put("EnableState", enableState);
        info.putArray("Labels");
        info.put("ClientIP", online == ONLINE ? "127.0.0.1" : "");
        info.put("FirmwareUpdateTime", firmwareUpdateSeconds);
        info.put("CreateUserId", 0);
        info.put("NBIoTDeviceID", "");
        return info;
    }
}
