package io.github.cameliot.examples.fleet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameliot.tencent.iot.TencentIotConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The devices' records from IoT Hub ({@code DescribeDevice}), asked once per device and kept: a reading is enriched
 * with its device's {@code location} tag without an API call per message.
 */
public final class DeviceDirectory {

    static final String LOCATION = "fleetLocation";

    private final Map<String, String> locations = new ConcurrentHashMap<>();
    private final ProducerTemplate template;

    public DeviceDirectory(ProducerTemplate template) {
        this.template = template;
    }

    /** Sets the header {@value #LOCATION} from the device's tags. */
    public void enrich(Exchange exchange) {
        String device = exchange.getMessage().getHeader(FleetRoutes.DEVICE, String.class);
        exchange.getMessage().setHeader(LOCATION, locations.computeIfAbsent(device, this::describe));
    }

    private String describe(String deviceName) {
        Map<?, ?> record = template.requestBodyAndHeader("tencent-iot:DescribeDevice?productId={{fleet.tencent.productId}}",
                null, TencentIotConstants.DEVICE_NAME, deviceName, Map.class);
        if (record.get("Tags") instanceof List<?> tags) {
            for (Object tag : tags) {
                if (tag instanceof Map<?, ?> entry && "location".equals(entry.get("Tag"))) {
                    return String.valueOf(entry.get("Value"));
                }
            }
        }
        return "unknown";
    }
}
