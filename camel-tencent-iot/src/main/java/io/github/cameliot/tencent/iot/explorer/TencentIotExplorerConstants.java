package io.github.cameliot.tencent.iot.explorer;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code tencent-iot-explorer} component.
 */
public final class TencentIotExplorerConstants {

    @Metadata(label = "producer", description = "The action to call, overriding the one in the endpoint URI.",
              javaType = "String")
    public static final String OPERATION = "CamelTencentIotExplorerOperation";
    @Metadata(label = "producer", description = "The request id of the call.", javaType = "String")
    public static final String REQUEST_ID = "CamelTencentIotExplorerRequestId";

    // ---- application API (producer)

    // ProductId and DeviceName: see PRODUCT_ID and DEVICE_NAME below, shared with the push consumer

    // ---- long connection (push consumer)

    @Metadata(label = "consumer", description = "The kind of device change (the push's Type): StatusChange (online or "
                                                + "offline), Shadow, Property, Template (thing model), Event, Action or "
                                                + "UserDefined.",
              javaType = "String")
    public static final String PUSH_TYPE = "CamelTencentIotExplorerPushType";
    @Metadata(label = "consumer", description = "The direction or state of the change (the push's SubType): Online or "
                                                + "Offline for StatusChange, Report (device to cloud) or Push (cloud to "
                                                + "device) for the others.",
              javaType = "String")
    public static final String PUSH_SUB_TYPE = "CamelTencentIotExplorerPushSubType";
    @Metadata(label = "consumer", description = "The device the change is about, as ProductId/DeviceName.",
              javaType = "String")
    public static final String DEVICE_ID = "CamelTencentIotExplorerDeviceId";
    @Metadata(description = "Producer: the product id, for actions that require ProductId (or DeviceId) and whose "
                            + "parameters leave it out; overrides the productId option. Consumer: the product of the "
                            + "device the change is about.",
              javaType = "String")
    public static final String PRODUCT_ID = "CamelTencentIotExplorerProductId";
    @Metadata(description = "Producer: the device name, for actions that require DeviceName (or DeviceId) and whose "
                            + "parameters leave it out; overrides the deviceName option. Consumer: the name of the "
                            + "device the change is about.",
              javaType = "String")
    public static final String DEVICE_NAME = "CamelTencentIotExplorerDeviceName";
    @Metadata(label = "consumer", description = "The MQTT topic of the change, such as "
                                                + "$thing/up/property/ProductId/DeviceName; absent when the push has none "
                                                + "(StatusChange, Template, Action).",
              javaType = "String")
    public static final String TOPIC = "CamelTencentIotExplorerTopic";
    @Metadata(label = "consumer", description = "The sequence number of the push (Seq).", javaType = "Long")
    public static final String SEQ = "CamelTencentIotExplorerSeq";
    @Metadata(label = "consumer", description = "When the change happened, as the push gives it (RFC 3339 with an "
                                                + "offset).",
              javaType = "String")
    public static final String PUSH_TIME = "CamelTencentIotExplorerPushTime";
    @Metadata(label = "consumer", description = "The method of the decoded payload when it is a JSON object that has "
                                                + "one, such as report, control, event_post, action or action_reply.",
              javaType = "String")
    public static final String METHOD = "CamelTencentIotExplorerMethod";
    @Metadata(label = "consumer", description = "The clientToken of the decoded payload when it has one. For an "
                                                + "Action/Report push (a device's reply to an action) it is the "
                                                + "ClientToken that AppCallDeviceActionAsync returned, to correlate the "
                                                + "result with the call.",
              javaType = "String")
    public static final String CLIENT_TOKEN = "CamelTencentIotExplorerClientToken";

    private TencentIotExplorerConstants() {
    }
}
