package io.github.cameliot.aliyun.iot;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code aliyun-iot} component.
 */
public final class AliyunIotConstants {

    @Metadata(label = "producer", description = "The action to call, overriding the one in the endpoint URI.",
              javaType = "String")
    public static final String OPERATION = "CamelAliyunIotOperation";
    @Metadata(label = "producer", description = "The request id Alibaba Cloud gave the call.", javaType = "String")
    public static final String REQUEST_ID = "CamelAliyunIotRequestId";
    @Metadata(description = "Producer: the product key, for actions that take one and whose parameters leave it out; "
                            + "overrides the productKey option. Consumer: the product of the device the exchange is about.",
              javaType = "String")
    public static final String PRODUCT_KEY = "CamelAliyunIotProductKey";
    @Metadata(description = "Producer: the device name, for actions that take one and whose parameters leave it out; "
                            + "overrides the deviceName option. Consumer: the device the exchange is about.",
              javaType = "String")
    public static final String DEVICE_NAME = "CamelAliyunIotDeviceName";
    @Metadata(label = "producer", description = "Pub and PubBroadcast: the topic (TopicFullName), overriding the topic "
                                                + "option.",
              javaType = "String")
    public static final String TOPIC_FULL_NAME = "CamelAliyunIotTopicFullName";
    @Metadata(label = "producer", description = "Pub: the QoS, 0 or 1; overrides the qos option.", javaType = "Integer")
    public static final String QOS = "CamelAliyunIotQos";
    @Metadata(label = "producer", description = "InvokeThingService and InvokeThingsService: the identifier of the "
                                                + "service to call (Identifier), when the parameters leave it out; a Map "
                                                + "or JSON body of InvokeThingService is the service's Args.",
              javaType = "String")
    public static final String SERVICE_IDENTIFIER = "CamelAliyunIotServiceIdentifier";
    @Metadata(label = "producer", description = "Pub, PubBroadcast, RRpc, SetDeviceProperty, InvokeThingService: the id "
                                                + "of the message sent to the device, as text (the 18-digit ids do not "
                                                + "fit a double).",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelAliyunIotMessageId";
    @Metadata(label = "producer", description = "RRpc: the outcome, SUCCESS, TIMEOUT, OFFLINE, HALFCONN or UNKNOW (sic).",
              javaType = "String")
    public static final String RRPC_CODE = "CamelAliyunIotRrpcCode";
    @Metadata(label = "consumer", description = "amqp: the topic of the device message, such as "
                                                + "/PRODUCT/DEVICE/user/update or /PRODUCT/DEVICE/thing/event/property/post "
                                                + "(the AMQP message's topic property).",
              javaType = "String")
    public static final String AMQP_TOPIC = "topic";
    @Metadata(label = "consumer", description = "amqp: the id IoT Platform gave the message (the AMQP message's "
                                                + "messageId property), as text; a message delivered again keeps its id, "
                                                + "which lets a route drop duplicates.",
              javaType = "String")
    public static final String AMQP_MESSAGE_ID = "messageId";
    @Metadata(label = "consumer", description = "amqp: when IoT Platform generated the message, in milliseconds since "
                                                + "the epoch (the AMQP message's generateTime property).",
              javaType = "Long")
    public static final String AMQP_GENERATE_TIME = "generateTime";
    @Metadata(description = "Producer: GetDeviceShadow, the shadow's current version. Consumer (shadow): "
                            + "the version of the shadow in the body.",
              javaType = "Long")
    public static final String SHADOW_VERSION = "CamelAliyunIotShadowVersion";
    @Metadata(label = "consumer", description = "property and event: the identifier (as in the product's TSL) of the "
                                                + "property or event whose record is in the body.",
              javaType = "String")
    public static final String IDENTIFIER = "CamelAliyunIotIdentifier";
    @Metadata(label = "consumer", description = "property and event: the time of the record in the body, in milliseconds "
                                                + "since the epoch.",
              javaType = "Long")
    public static final String RECORD_TIME = "CamelAliyunIotRecordTime";

    private AliyunIotConstants() {
    }
}
