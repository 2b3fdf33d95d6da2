package io.github.cameliot.aliyun.iot;

import org.apache.camel.Processor;

/**
 * Polls {@code QueryDevicePropertyData} for each watched device and each property of {@code identifiers}, and delivers
 * each new record once, oldest first: the body is the record as a Map ({@code Value}, {@code Time}), the headers name
 * the product, the device, the property and the record's time. The cursor of each device and property is kept under
 * {@code property/PRODUCT/DEVICE/IDENTIFIER}; see {@link AliyunIotHistoryConsumer} for how records are delivered once.
 */
public class AliyunIotPropertyConsumer extends AliyunIotHistoryConsumer {

    static final String STATE_KIND = "property";

    public AliyunIotPropertyConsumer(AliyunIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor, AliyunIotActions.QUERY_DEVICE_PROPERTY_DATA, STATE_KIND);
    }
}
