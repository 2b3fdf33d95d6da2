package io.github.cameliot.tencent.iot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Paginator;
import io.github.cameliot.cloudapi.camel.PollState;

/**
 * What the {@code shadow} and {@code devices} pollers share: the product and devices they watch, the endpoint's client
 * called from the poll thread, and the state repository and its keys.
 */
final class TencentIotPolling {

    static final String DESCRIBE_DEVICES = "DescribeDevices";
    static final String PRODUCT_ID = "ProductId";
    static final String DEVICE_NAME = "DeviceName";

    private final TencentIotEndpoint endpoint;
    private final String productId;
    private final Set<String> deviceNames;
    private final PollState state;

    TencentIotPolling(TencentIotEndpoint endpoint) {
        this.endpoint = endpoint;
        TencentIotConfiguration configuration = endpoint.getConfiguration();
        this.productId = configuration.getProductId();
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("tencent-iot:" + endpoint.getAction() + " needs the productId option");
        }
        this.deviceNames = PollState.names(configuration.getDeviceNames());
        this.state = new PollState(endpoint.getStateRepository());
    }

    /** Checks that the client can be built (region, credentials) and starts the repository when it is a service. */
    void start() {
        endpoint.getClient();
        state.start();
    }

    String productId() {
        return productId;
    }

    // ---- state

    /** The state repository, with the suite's keys. */
    PollState state() {
        return state;
    }

    /** The key of a state: {@code KIND/PRODUCT/DEVICE}, or {@code KIND/PRODUCT} without a device. */
    String key(String kind, String deviceName) {
        return PollState.key(kind, productId, deviceName);
    }

    // ---- devices

    /** The device as the parameters of a per-device action. */
    Map<String, Object> device(String deviceName) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(PRODUCT_ID, productId);
        parameters.put(DEVICE_NAME, deviceName);
        return parameters;
    }

    /** Whether the device is one of those watched: every device, or one of the configured deviceNames. */
    boolean watches(String deviceName) {
        return deviceNames.isEmpty() || deviceNames.contains(deviceName);
    }

    /** The configured device names, or the names of every device of the product. */
    List<String> deviceNames() throws Exception {
        if (!deviceNames.isEmpty()) {
            return List.copyOf(deviceNames);
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Object> device : devices()) {
            names.add((String) device.get(DEVICE_NAME));
        }
        return names;
    }

    /**
     * Every device of the product (only the configured ones when deviceNames is set), as DescribeDevices' DeviceInfo
     * maps, all pages, each device once. A device created or deleted while the pages are fetched shifts the offsets,
     * so a device may be missing from the list or listed twice (it is then kept once).
     */
    List<Map<String, Object>> devices() throws Exception {
        ActionSpec spec = endpoint.getCatalog().spec(DESCRIBE_DEVICES);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(PRODUCT_ID, productId);
        ApiResult all = Futures.await(Paginator.fetchAll(endpoint.getClient(), spec, request));
        Map<String, Map<String, Object>> distinct = new LinkedHashMap<>();
        if (all.fields().get(spec.paging().itemsPath()) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> device && device.get(DEVICE_NAME) instanceof String name && !name.isEmpty()
                    && watches(name)) {
                    distinct.putIfAbsent(name, stringKeys(device));
                }
            }
        }
        return new ArrayList<>(distinct.values());
    }

    // ---- calls

    /** Calls the action and waits for its answer's fields. */
    Map<String, Object> call(String action, Map<String, Object> parameters) throws Exception {
        return Futures.await(endpoint.getClient().call(endpoint.getCatalog().spec(action), parameters)).fields();
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
