package io.github.cameliot.aliyun.iot;

import java.util.Map;
import java.util.Set;

import org.apache.camel.Processor;

/**
 * Polls {@code QueryDeviceEventData} for each watched device and each event of {@code identifiers} (only those of
 * {@code eventType} when it is set), and delivers each new record once, oldest first: the body is the record as a Map
 * ({@code Identifier}, {@code Name}, {@code EventType}, {@code Time}, {@code OutputData} as the JSON text the API
 * returns), the headers name the product, the device, the event and the record's time. The cursor of each device and
 * event is kept under {@code event/PRODUCT/DEVICE/IDENTIFIER}; see {@link AliyunIotHistoryConsumer} for how records are
 * delivered once.
 */
public class AliyunIotEventConsumer extends AliyunIotHistoryConsumer {

    static final String STATE_KIND = "event";
    static final String EVENT_TYPE = "EventType";
    static final Set<String> EVENT_TYPES = Set.of("info", "alert", "error");

    public AliyunIotEventConsumer(AliyunIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, AliyunIotActions.QUERY_DEVICE_EVENT_DATA, STATE_KIND);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String eventType = polling.configuration().getEventType();
        if (eventType != null && !eventType.isBlank() && !EVENT_TYPES.contains(eventType.trim())) {
            throw new IllegalArgumentException(polling.uri() + ": the eventType option must be info, alert or error, not "
                                               + eventType);
        }
    }

    @Override
    protected void addParameters(Map<String, Object> request) {
        String eventType = polling.configuration().getEventType();
        if (eventType != null && !eventType.isBlank()) {
            request.put(EVENT_TYPE, eventType.trim());
        }
    }
}
