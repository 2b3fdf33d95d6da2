package io.github.cameliot.aliyun.iot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.FieldPath;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Paginator;
import io.github.cameliot.cloudapi.camel.PollState;

/**
 * What the {@code shadow}, {@code property} and {@code event} pollers share: the product and devices they watch, the
 * page size, the endpoint's client called from the poll thread, and the state repository with the suite's keys.
 * Options are checked when it is made, so that a consumer with a missing or wrong option fails to start.
 */
final class AliyunIotPolling {

    static final int MAX_PAGE_SIZE = 50;

    private final AliyunIotEndpoint endpoint;
    private final String productKey;
    private final String iotInstanceId;
    private final Set<String> deviceNames;
    private final int pageSize;
    private final PollState state;

    AliyunIotPolling(AliyunIotEndpoint endpoint) {
        this.endpoint = endpoint;
        AliyunIotConfiguration configuration = endpoint.getConfiguration();
        this.productKey = configuration.getProductKey();
        if (productKey == null || productKey.isBlank()) {
            throw new IllegalArgumentException(uri() + " needs the productKey option");
        }
        this.iotInstanceId = configuration.getIotInstanceId() == null || configuration.getIotInstanceId().isBlank()
                ? null : configuration.getIotInstanceId();
        this.deviceNames = PollState.names(configuration.getDeviceNames());
        this.pageSize = configuration.getPageSize();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(uri() + ": the pageSize option must be 1 to " + MAX_PAGE_SIZE + ", not "
                                               + pageSize);
        }
        this.state = new PollState(endpoint.getStateRepository());
    }

    /** Checks that the client can be built (region, credentials) and starts the repository when it is a service. */
    void start() {
        endpoint.getClient();
        state.start();
    }

    /** The endpoint as the start of a message: {@code aliyun-iot:property}. */
    String uri() {
        return "aliyun-iot:" + endpoint.getAction();
    }

    String productKey() {
        return productKey;
    }

    int pageSize() {
        return pageSize;
    }

    AliyunIotConfiguration configuration() {
        return endpoint.getConfiguration();
    }

    // ---- state

    PollState state() {
        return state;
    }

    /** The key of a state: {@code KIND/PRODUCT/DEVICE}, then any further parts ({@code property/PRODUCT/DEVICE/temp}). */
    String key(String kind, String deviceName, String... more) {
        String[] parts = new String[more.length + 2];
        parts[0] = productKey;
        parts[1] = deviceName;
        System.arraycopy(more, 0, parts, 2, more.length);
        return PollState.key(kind, parts);
    }

    // ---- devices

    /** The device as the parameters of a per-device action, with the instance when one is configured. */
    Map<String, Object> device(String deviceName) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(AliyunIotRequests.PRODUCT_KEY, productKey);
        parameters.put(AliyunIotRequests.DEVICE_NAME, deviceName);
        if (iotInstanceId != null) {
            parameters.put(AliyunIotRequests.IOT_INSTANCE_ID, iotInstanceId);
        }
        return parameters;
    }

    /**
     * The configured deviceNames, or the names of every device of the product, from
     * every page of QueryDevice. A device registered or deleted while the pages are fetched shifts the pages, so that a
     * device may be missing from this poll's list (it is polled on the next) or listed twice (it is kept once).
     */
    List<String> deviceNames() throws Exception {
        if (!deviceNames.isEmpty()) {
            return List.copyOf(deviceNames);
        }
        ActionSpec spec = endpoint.getCatalog().spec(AliyunIotActions.QUERY_DEVICE);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put(AliyunIotRequests.PRODUCT_KEY, productKey);
        request.put(spec.paging().sizeParameter(), pageSize);
        if (iotInstanceId != null) {
            request.put(AliyunIotRequests.IOT_INSTANCE_ID, iotInstanceId);
        }
        ApiResult all = Futures.await(Paginator.fetchAll(endpoint.getClient(), spec, request));
        Set<String> names = new LinkedHashSet<>();
        if (FieldPath.get(all.fields(), spec.paging().itemsPath()) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> device && device.get(AliyunIotRequests.DEVICE_NAME) instanceof String name
                    && !name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    // ---- calls

    /** Calls the action and waits for its answer's fields. */
    Map<String, Object> call(String action, Map<String, Object> parameters) throws Exception {
        return Futures.await(endpoint.getClient().call(endpoint.getCatalog().spec(action), parameters)).fields();
    }
}
