package io.github.cameliot.tencent.iot;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code tencent-iot} component.
 */
public final class TencentIotConstants {

    @Metadata(label = "producer", description = "The action to call, overriding the one in the endpoint URI.",
              javaType = "String")
    public static final String OPERATION = "CamelTencentIotOperation";
    @Metadata(label = "producer", description = "The request id Tencent Cloud gave the call.", javaType = "String")
    public static final String REQUEST_ID = "CamelTencentIotRequestId";
    @Metadata(description = "Producer: the product id, for actions that require one and whose parameters leave it out; "
                            + "overrides the productId option. Consumer: the product the forwarded message came from "
                            + "(forward), or of the device the exchange is about (shadow, devices).",
              javaType = "String")
    public static final String PRODUCT_ID = "CamelTencentIotProductId";
    @Metadata(description = "Producer: the device name, for actions that require one and whose parameters leave it out; "
                            + "overrides the deviceName option. Consumer: the device the forwarded message came from "
                            + "(forward), or the device the exchange is about (shadow, devices).",
              javaType = "String")
    public static final String DEVICE_NAME = "CamelTencentIotDeviceName";
    @Metadata(description = "Producer: PublishMessage's topic, overriding the topic option. Consumer: the topic of the "
                            + "forwarded message, when the rule's SQL selects it.",
              javaType = "String")
    public static final String TOPIC = "CamelTencentIotTopic";
    @Metadata(label = "producer", description = "PublishMessage: the QoS, 0 or 1; overrides the qos option.",
              javaType = "Integer")
    public static final String QOS = "CamelTencentIotQos";
    @Metadata(label = "producer", description = "PublishRRPCMessage: the id of the RRPC message whose reply is the body.",
              javaType = "Long")
    public static final String MESSAGE_ID = "CamelTencentIotMessageId";
    @Metadata(description = "Producer: UpdateDeviceShadow: the shadow version to update (in), when the parameters leave out "
                            + "ShadowVersion. DescribeDeviceShadow and UpdateDeviceShadow: the shadow's version after the "
                            + "call (out). Consumer (shadow): the version of the shadow in the body.",
              javaType = "Long")
    public static final String SHADOW_VERSION = "CamelTencentIotShadowVersion";
    @Metadata(label = "consumer",
              description = "devices: what happened to the device: DeviceAdded (listed for the first time; on the first "
                            + "poll with an empty state, every existing device), DeviceRemoved (no longer listed), Online "
                            + "(Online became 1), Offline (Online was 1 and no longer is), Enabled (EnableState went from "
                            + "0 to 1) or Disabled (from 1 to 0).",
              javaType = "String", enums = "DeviceAdded,DeviceRemoved,Online,Offline,Enabled,Disabled")
    public static final String EVENT_TYPE = "CamelTencentIotEventType";

    private TencentIotConstants() {
    }
}
