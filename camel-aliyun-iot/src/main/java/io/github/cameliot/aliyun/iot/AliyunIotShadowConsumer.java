package io.github.cameliot.aliyun.iot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.aliyun.AliyunCloudApiException;
import io.github.cameliot.cloudapi.camel.PollDelivery;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code GetDeviceShadow} for each watched device, and delivers one exchange each time a shadow's version
 * differs from the last one delivered. The body is the shadow document as a Map, as the IoT Platform returns it
 * ({@code state} with {@code desired} and {@code reported}, {@code metadata}, {@code version}, {@code timestamp}, ...);
 * the headers name the product, the device and the version. The last delivered version of each device is kept in the
 * endpoint's state repository under {@code shadow/PRODUCT/DEVICE}, stored only once the route has processed the
 * exchange without an exception, so that a failed exchange is delivered again on the next poll (or the newer version,
 * if the shadow has changed meanwhile). A device without a shadow is skipped, and so is a device that does not exist
 * (with a warning).
 */
public class AliyunIotShadowConsumer extends AliyunIotPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(AliyunIotShadowConsumer.class);

    static final String STATE_KIND = "shadow";
    static final String DEVICE_NOT_EXIST = "iot.device.NotExistedDevice";

    public AliyunIotShadowConsumer(AliyunIotEndpoint endpoint, Processor processor) {
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
                fields = polling.call(AliyunIotActions.GET_DEVICE_SHADOW, polling.device(deviceName));
            } catch (AliyunCloudApiException e) {
                if (DEVICE_NOT_EXIST.equals(e.getErrorCode())) {
                    LOG.warn("{}/{} does not exist: {}", polling.productKey(), deviceName, e.getMessage());
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
        Object message = fields.get(AliyunShadowUpdate.SHADOW_MESSAGE);
        if (message == null || message instanceof String text && text.isBlank()) {
            LOG.debug("{}/{} has no shadow", polling.productKey(), deviceName);
            return false;
        }
        Map<String, Object> document;
        try {
            document = message instanceof String text ? Json.readMap(text) : Json.toParameters(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("{}/{}: GetDeviceShadow answered a ShadowMessage that is not a JSON object; skipped: {}",
                    polling.productKey(), deviceName, e.getMessage());
            return false;
        }
        Long version = AliyunShadowUpdate.version(fields);
        if (version == null) {
            LOG.warn("{}/{}: GetDeviceShadow answered no shadow version; skipped", polling.productKey(), deviceName);
            return false;
        }
        String key = polling.key(STATE_KIND, deviceName);
        if (version.toString().equals(polling.state().get(key))) {
            return false;
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(AliyunIotConstants.PRODUCT_KEY, polling.productKey());
        headers.put(AliyunIotConstants.DEVICE_NAME, deviceName);
        headers.put(AliyunIotConstants.SHADOW_VERSION, version);
        if (PollDelivery.deliver(this, headers, document,
                "the shadow of " + polling.productKey() + "/" + deviceName + " version " + version)) {
            polling.state().store(key, version.toString());
        }
        return true;
    }
}
