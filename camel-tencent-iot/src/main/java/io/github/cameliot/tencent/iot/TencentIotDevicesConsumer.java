package io.github.cameliot.tencent.iot;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.camel.PollDelivery;
import io.github.cameliot.cloudapi.camel.PollState;
import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code DescribeDevices} (every page) and delivers one exchange per device lifecycle event, with the event in
 * the {@link TencentIotConstants#EVENT_TYPE} header and the device's DeviceInfo as the body:
 * <ul>
 * <li>{@code DeviceAdded}: a device listed for the first time. With an empty state, the first poll reports every
 * existing device so.</li>
 * <li>{@code DeviceRemoved}: a device no longer listed, and that DescribeDevice confirms gone (a device created or
 * deleted while the pages are fetched can shift another one out of the listing); the body is what was last known of
 * it ({@code DeviceName, Online, EnableState}).</li>
 * <li>{@code Online}: its {@code Online} became 1; {@code Offline}: it was 1 and is no longer (0 offline, 3 not
 * activated). A change between 0 and 3 is no event.</li>
 * <li>{@code Enabled}: its {@code EnableState} went from 0 to 1; {@code Disabled}: from 1 to 0.</li>
 * </ul>
 * The state repository holds a snapshot of each device ({@code device/PRODUCT/DEVICE}: its Online and EnableState as
 * last delivered) and an index of the device names that may have a snapshot ({@code devices/PRODUCT}), from which
 * removals are detected. Each event's part of the snapshot is stored only once the route has processed the event's
 * exchange without an exception; a failed event is delivered again on the next poll. A name is indexed before its
 * snapshot is written and leaves the index only after its snapshot is cleared, so that a stop at any point neither
 * repeats an addition nor misses a removal.
 */
public class TencentIotDevicesConsumer extends TencentIotPollingConsumer {

    public static final String DEVICE_ADDED = "DeviceAdded";
    public static final String DEVICE_REMOVED = "DeviceRemoved";
    public static final String ONLINE = "Online";
    public static final String OFFLINE = "Offline";
    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";

    static final String DESCRIBE_DEVICE = "DescribeDevice";
    static final String DEVICE_NOT_EXIST = "ResourceNotFound.DeviceNotExist";
    static final String INDEX_KIND = "devices";
    static final String DEVICE_KIND = "device";
    static final String ONLINE_FIELD = "Online";
    static final String ENABLE_STATE_FIELD = "EnableState";

    private static final Logger LOG = LoggerFactory.getLogger(TencentIotDevicesConsumer.class);

    public TencentIotDevicesConsumer(TencentIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() throws Exception {
        Map<String, Map<String, Object>> current = new LinkedHashMap<>();
        for (Map<String, Object> device : polling.devices()) {
            current.put((String) device.get(TencentIotPolling.DEVICE_NAME), device);
        }

        // every listed name joins the index before any snapshot of it is written
        String indexKey = polling.key(INDEX_KIND, null);
        Set<String> known = PollState.names(polling.state().get(indexKey));
        Set<String> index = new LinkedHashSet<>(known);
        index.addAll(current.keySet());
        if (!index.equals(known)) {
            polling.state().store(indexKey, PollState.join(index));
        }

        int exchanges = 0;
        for (Map<String, Object> device : current.values()) {
            if (!isRunAllowed()) {
                return exchanges;
            }
            exchanges += changes(device);
        }
        Set<String> remaining = new LinkedHashSet<>(index);
        for (String name : index) {
            if (current.containsKey(name)) {
                continue;
            }
            if (!isRunAllowed()) {
                return exchanges;
            }
            String key = polling.key(DEVICE_KIND, name);
            String stored = polling.state().get(key);
            // a device no longer watched (deviceNames changed) leaves the index without an event
            if (stored != null && polling.watches(name)) {
                if (!isGone(name)) {
                    continue;
                }
                exchanges++;
                Map<String, Object> lastKnown = new LinkedHashMap<>();
                lastKnown.put(TencentIotPolling.DEVICE_NAME, name);
                lastKnown.putAll(snapshot(stored));
                if (!deliver(DEVICE_REMOVED, name, lastKnown)) {
                    continue;
                }
                polling.state().clear(key);
            }
            remaining.remove(name);
        }
        if (!remaining.equals(index)) {
            polling.state().store(indexKey, PollState.join(remaining));
        }
        return exchanges;
    }

    /** Delivers the events of one listed device; how many exchanges were delivered. */
    private int changes(Map<String, Object> device) {
        String name = (String) device.get(TencentIotPolling.DEVICE_NAME);
        String key = polling.key(DEVICE_KIND, name);
        Integer online = integer(device.get(ONLINE_FIELD));
        Integer enableState = integer(device.get(ENABLE_STATE_FIELD));
        String stored = polling.state().get(key);
        if (stored == null) {
            if (deliver(DEVICE_ADDED, name, device)) {
                Map<String, Object> snapshot = new LinkedHashMap<>();
                snapshot.put(ONLINE_FIELD, online);
                snapshot.put(ENABLE_STATE_FIELD, enableState);
                polling.state().store(key, Json.writeString(snapshot));
            }
            return 1;
        }
        Map<String, Object> snapshot = snapshot(stored);
        boolean unsaved = false;
        int exchanges = 0;

        Integer wasOnline = integer(snapshot.get(ONLINE_FIELD));
        if (!Objects.equals(wasOnline, online)) {
            String event = Objects.equals(online, 1) ? ONLINE : Objects.equals(wasOnline, 1) ? OFFLINE : null;
            if (event == null) {
                snapshot.put(ONLINE_FIELD, online);
                unsaved = true;
            } else {
                exchanges++;
                if (deliver(event, name, device)) {
                    snapshot.put(ONLINE_FIELD, online);
                    polling.state().store(key, Json.writeString(snapshot));
                    unsaved = false;
                }
            }
        }

        Integer wasEnabled = integer(snapshot.get(ENABLE_STATE_FIELD));
        if (!Objects.equals(wasEnabled, enableState)) {
            String event = Objects.equals(wasEnabled, 0) && Objects.equals(enableState, 1) ? ENABLED
                    : Objects.equals(wasEnabled, 1) && Objects.equals(enableState, 0) ? DISABLED : null;
            if (event == null) {
                snapshot.put(ENABLE_STATE_FIELD, enableState);
                unsaved = true;
            } else {
                exchanges++;
                if (deliver(event, name, device)) {
                    snapshot.put(ENABLE_STATE_FIELD, enableState);
                    polling.state().store(key, Json.writeString(snapshot));
                    unsaved = false;
                }
            }
        }
        if (unsaved) {
            polling.state().store(key, Json.writeString(snapshot));
        }
        return exchanges;
    }

    /**
     * Whether a device that the listing left out is really gone: a device created or deleted while the pages were
     * fetched shifts the offsets, so that another device may be missed. DescribeDevice tells.
     */
    private boolean isGone(String deviceName) throws Exception {
        try {
            polling.call(DESCRIBE_DEVICE, polling.device(deviceName));
        } catch (TencentCloudApiException e) {
            if (e.isError(DEVICE_NOT_EXIST) || e.isError(TencentIotShadowConsumer.DEVICE_NOT_EXIST)) {
                return true;
            }
            throw e;
        }
        LOG.debug("{}/{} was not listed but exists; looked for again on the next poll", polling.productId(), deviceName);
        return false;
    }

    private boolean deliver(String event, String deviceName, Map<String, Object> body) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(TencentIotConstants.PRODUCT_ID, polling.productId());
        headers.put(TencentIotConstants.DEVICE_NAME, deviceName);
        headers.put(TencentIotConstants.EVENT_TYPE, event);
        return PollDelivery.deliver(this, headers, body, event + " of " + polling.productId() + "/" + deviceName);
    }

    private static Map<String, Object> snapshot(String stored) {
        try {
            return Json.readMap(stored);
        } catch (IllegalArgumentException e) {
            // not written by this consumer: treat the device as known, with nothing known of it
            LOG.warn("Ignoring an unreadable device snapshot: {}", e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    private static Integer integer(Object value) {
        Long number = Json.toLong(value);
        return number == null ? null : number.intValue();
    }
}
