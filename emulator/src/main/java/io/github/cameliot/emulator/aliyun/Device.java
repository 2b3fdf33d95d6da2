package io.github.cameliot.emulator.aliyun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device of the emulated account: its identity and secret, whether it is enabled and connected, its shadow, its
 * property and event history, and what reached it over its (simulated) connection.
 */
final class Device {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Product product;
    final String deviceName;
    final String iotId;
    final String deviceSecret;
    final long gmtCreate;
    String nickname;
    boolean enabled = true;
    boolean online;
    long gmtActive;
    long gmtOnline;
    final DeviceShadow shadow = new DeviceShadow();
    final DeviceHistory properties = new DeviceHistory();
    final DeviceHistory events = new DeviceHistory();
    /** The service calls the device got (property sets are the service {@code set}). */
    final DeviceHistory services = new DeviceHistory();
    final List<DeviceMessage> received = new CopyOnWriteArrayList<>();
    /** QoS 1 messages sent while the device was offline, delivered when it connects. */
    final List<DeviceMessage> pending = new ArrayList<>();
    volatile Function<byte[], byte[]> rrpcReplier;

    Device(Product product, String deviceName, String iotId, String deviceSecret, String nickname, long gmtCreate) {
        this.product = product;
        this.deviceName = deviceName;
        this.iotId = iotId;
        this.deviceSecret = deviceSecret;
        this.nickname = nickname;
        this.gmtCreate = gmtCreate;
    }

    String productKey() {
        return product.productKey;
    }

    /** {@code UNACTIVE} (never connected), {@code ONLINE}, {@code OFFLINE} or {@code DISABLE}. */
    String status() {
        if (!enabled) {
            return "DISABLE";
        }
        if (online) {
            return "ONLINE";
        }
        return gmtActive == 0 ? "UNACTIVE" : "OFFLINE";
    }

    /** The fields QueryDeviceDetail answers in {@code Data}. */
    ObjectNode detail(String region) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("IotId", iotId);
        data.put("ProductKey", productKey());
        data.put("ProductName", product.productName);
        data.put("DeviceName", deviceName);
        data.put("DeviceSecret", deviceSecret);
        data.put("Nickname", nickname == null ? "" : nickname);
        data.put("Status", status());
        data.put("NodeType", product.nodeType);
        data.put("Region", region);
        data.put("GmtCreate", Times.local(gmtCreate));
        data.put("UtcCreate", Times.utc(gmtCreate));
        if (gmtActive > 0) {
            data.put("GmtActive", Times.local(gmtActive));
            data.put("UtcActive", Times.utc(gmtActive));
        }
        if (gmtOnline > 0) {
            data.put("GmtOnline", Times.local(gmtOnline));
            data.put("UtcOnline", Times.utc(gmtOnline));
            data.put("IpAddress", "127.0.0.1");
        }
        return data;
    }

    /** The fields of one item of QueryDevice. */
    ObjectNode summary() {
        ObjectNode info = MAPPER.createObjectNode();
        info.put("DeviceId", iotId.substring(0, 20));
        info.put("DeviceName", deviceName);
        info.put("ProductKey", productKey());
        info.put("DeviceSecret", deviceSecret);
        info.put("GmtCreate", Times.gmt(gmtCreate));
        info.put("UtcCreate", Times.utc(gmtCreate));
        info.put("GmtModified", Times.gmt(gmtCreate));
        info.put("UtcModified", Times.utc(gmtCreate));
        info.put("IotId", iotId);
        info.put("DeviceStatus", status());
        info.put("Nickname", nickname == null ? "" : nickname);
        return info;
    }

    /** The fields of one item of BatchGetDeviceState. */
    ObjectNode state() {
        ObjectNode state = MAPPER.createObjectNode();
        state.put("Status", status());
        state.put("DeviceId", iotId.substring(0, 20));
        state.put("DeviceName", deviceName);
        state.put("IotId", iotId);
        if (gmtOnline > 0) {
            state.put("LastOnlineTime", Times.local(gmtOnline));
            state.put("AsAddress", "127.0.0.1");
        }
        return state;
    }
}
