package io.github.cameliot.tencent.iot;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.camel.PollDelivery;
import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code DescribeDeviceShadow} for each watched device, and delivers one exchange each time a shadow's version
 * differs from the last one delivered: the desired and reported state, the version, and the delta (the desired
 * entries that the device has not reported yet). The last delivered version of each device is kept in the endpoint's
 * state repository, stored only once the route has processed the exchange without an exception.
 */
public class TencentIotShadowConsumer extends TencentIotPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentIotShadowConsumer.class);

    static final String STATE_KIND = "shadow";
    static final String SHADOW_NOT_EXIST = "ResourceNotFound.DeviceShadowNotExist";
    static final String DEVICE_NOT_EXIST = "ResourceNotFound.ProductOrDeviceNotExist";

    public TencentIotShadowConsumer(TencentIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() throws Exception {
        int exchanges = 0;
        for (String deviceName : polling.deviceNames()) {
            if (!isRunAllowed()) {
                break;
            }
            Map<String, Object> fields;
            try {
                fields = polling.call(TencentIotActions.DESCRIBE_DEVICE_SHADOW, polling.device(deviceName));
            } catch (TencentCloudApiException e) {
                if (e.isError(SHADOW_NOT_EXIST)) {
                    LOG.debug("{}/{} has no shadow", polling.productId(), deviceName);
                    continue;
                }
                if (e.isError(DEVICE_NOT_EXIST)) {
                    LOG.warn("{}/{} does not exist: {}", polling.productId(), deviceName, e.getMessage());
                    continue;
                }
                throw e;
            }
            if (deliverIfNew(deviceName, fields)) {
                exchanges++;
            }
        }
        return exchanges;
    }

    /** Delivers the device's shadow when its version is new; whether an exchange was delivered. */
    private boolean deliverIfNew(String deviceName, Map<String, Object> fields) {
        Long version = ShadowUpdate.version(fields);
        if (version == null) {
            LOG.warn("{}/{}: DescribeDeviceShadow answered no shadow version; skipped", polling.productId(), deviceName);
            return false;
        }
        String key = polling.key(STATE_KIND, deviceName);
        if (version.toString().equals(polling.state().get(key))) {
            return false;
        }
        Map<String, Object> payload = map(Json.readMap((String) fields.get("Data")).get("payload"));
        Map<String, Object> state = map(payload.get("state"));
        Map<String, Object> desired = map(state.get("desired"));
        Map<String, Object> reported = map(state.get("reported"));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", polling.productId());
        body.put("deviceName", deviceName);
        body.put("version", version);
        body.put("desired", desired);
        body.put("reported", reported);
        body.put("delta", delta(desired, reported));
        body.put("timestamp", payload.get("timestamp") instanceof Number timestamp ? timestamp.longValue() : null);

        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(TencentIotConstants.PRODUCT_ID, polling.productId());
        headers.put(TencentIotConstants.DEVICE_NAME, deviceName);
        headers.put(TencentIotConstants.SHADOW_VERSION, version);
        if (PollDelivery.deliver(this, headers, body,
                "the shadow of " + polling.productId() + "/" + deviceName + " version " + version)) {
            polling.state().store(key, version.toString());
        }
        return true;
    }

    /**
     * The desired entries whose value differs from the reported one (or that are not reported); nested objects are
     * compared entry by entry, and only their differing entries are kept. Numbers are equal when their values are
     * ({@code 1} and {@code 1.0}); arrays are compared as a whole.
     */
    static Map<String, Object> delta(Map<String, Object> desired, Map<String, Object> reported) {
        Map<String, Object> delta = new LinkedHashMap<>();
        desired.forEach((key, wanted) -> {
            Object actual = reported.get(key);
            if (wanted instanceof Map<?, ?> wantedMap && actual instanceof Map<?, ?> actualMap) {
                Map<String, Object> nested = delta(TencentIotPolling.stringKeys(wantedMap), TencentIotPolling.stringKeys(actualMap));
                if (!nested.isEmpty()) {
                    delta.put(key, nested);
                }
            } else if (!same(wanted, actual)) {
                delta.put(key, wanted);
            }
        });
        return delta;
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return decimal(x).compareTo(decimal(y)) == 0;
            } catch (NumberFormatException e) {
                return x.equals(y); // NaN or infinite
            }
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!same(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!same(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? TencentIotPolling.stringKeys(map) : new LinkedHashMap<>();
    }
}
