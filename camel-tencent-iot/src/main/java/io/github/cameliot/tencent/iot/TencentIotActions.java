package io.github.cameliot.tencent.iot;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.Paging;

/**
 * The 39 documented actions of the IoT Hub API ({@code iotcloud}, 2021-04-08): parameters (optional ones end with
 * {@code ?}), quota and idempotency. Adding a newly documented action is one line. Actions not listed (the 34 that
 * the API's change history names without a reference page, and any future one) are callable by name all the same.
 * <p>
 * Idempotent are the reads and the updates that set a value; creating, deleting, binding, publishing, changing the
 * shadow and reading the one-time client key are not, so they are retried only when the error proves they did not run.
 */
public final class TencentIotActions {

    public static final String SERVICE = "iotcloud";
    public static final String VERSION = "2021-04-08";
    public static final int DEFAULT_QUOTA = 20;

    public static final String PUBLISH_MESSAGE = "PublishMessage";
    public static final String PUBLISH_RRPC_MESSAGE = "PublishRRPCMessage";
    public static final String DESCRIBE_DEVICE_SHADOW = "DescribeDeviceShadow";
    public static final String UPDATE_DEVICE_SHADOW = "UpdateDeviceShadow";

    public static final ActionCatalog CATALOG = create();

    private TencentIotActions() {
    }

    private static ActionCatalog create() {
        ActionCatalog c = new ActionCatalog(DEFAULT_QUOTA);
        // firmware
        c.add(c.spec("UpdateOtaTaskStatus", false, "ProductId", "TaskId", "Status"));
        // device shadow
        c.add(c.spec("DeleteDeviceShadow", false, "ProductId", "DeviceName"));
        c.add(c.spec(DESCRIBE_DEVICE_SHADOW, true, "ProductId", "DeviceName"));
        c.add(c.spec(UPDATE_DEVICE_SHADOW, false, "ProductId", "DeviceName", "State", "ShadowVersion").withQuota(100));
        // device
        c.add(c.spec("BindDevices", false, "GatewayProductId", "GatewayDeviceName", "ProductId", "DeviceNames", "Skey?"));
        c.add(c.spec("CreateDevice", false, "ProductId", "DeviceName", "Attribute?", "DefinedPsk?", "Isp?", "Imei?",
                "LoraDevEui?", "LoraMoteType?", "Skey?", "LoraAppKey?", "TlsCert?"));
        c.add(c.spec("DeleteDevice", false, "ProductId", "DeviceName", "Skey?"));
        c.add(c.spec("DescribeDevice", true, "ProductId", "DeviceName"));
        c.add(c.spec("DescribeDeviceClientKey", false, "ProductId", "DeviceName"));
        c.add(c.spec("DescribeDeviceResource", true, "DeviceName", "ProductID?", "Name?"));
        c.add(c.spec("DescribeDeviceResources", true, "Offset", "Limit", "ProductID?", "DeviceName?", "StartTime?", "EndTime?")
                .withPaging(Paging.offsetLimit("Result", 250)));
        c.add(c.spec("DescribeDevices", true, "ProductId", "Offset", "Limit", "FirmwareVersion?", "DeviceName?", "EnableState?")
                .withPaging(Paging.offsetLimit("Devices", 250)));
        c.add(c.spec("DescribeGatewayBindDevices", true, "GatewayProductId", "GatewayDeviceName", "Offset", "Limit", "ProductId?")
                .withPaging(Paging.offsetLimit("Devices", 100)));
        c.add(c.spec("DescribeProductResource", true, "ProductID?", "Name?"));
        c.add(c.spec("DescribeProductResources", true, "Offset", "Limit", "ProductID?", "Name?")
                .withPaging(Paging.offsetLimit("Result", 250)));
        c.add(c.spec("ResetDeviceState", true, "ProductId", "DeviceNames"));
        c.add(c.spec("UnbindDevices", false, "GatewayProductId", "GatewayDeviceName", "ProductId", "DeviceNames", "Skey?"));
        c.add(c.spec("UpdateDeviceAvailableState", true, "ProductId", "DeviceName", "EnableState"));
        c.add(c.spec("UpdateDeviceLogLevel", true, "ProductId", "DeviceName", "LogLevel"));
        c.add(c.spec("UpdateDevicePSK", true, "ProductId", "DeviceName", "Psk"));
        c.add(c.spec("UpdateDevicesEnableState", true, "ProductId", "DeviceNames", "Status"));
        // product
        c.add(c.spec("CreateProduct", false, "ProductName", "ProductProperties?", "Skey?"));
        c.add(c.spec("CreateTopicPolicy", false, "ProductId", "TopicName", "Privilege", "BrokerSubscribe?"));
        c.add(c.spec("DeleteProduct", false, "ProductId", "Skey?"));
        c.add(c.spec("DeleteProductPrivateCA", false, "ProductId"));
        c.add(c.spec("DescribeProduct", true, "ProductId"));
        c.add(c.spec("DescribeProductCA", true, "ProductId"));
        c.add(c.spec("DescribeProducts", true, "Offset", "Limit").withPaging(Paging.offsetLimit("Products", 250)));
        c.add(c.spec("SetProductsForbiddenStatus", true, "ProductId", "Status"));
        c.add(c.spec("UpdateProductDynamicRegister", true, "ProductId", "RegisterType", "RegisterLimit"));
        c.add(c.spec("UpdateProductPrivateCA", true, "ProductId", "CertName"));
        c.add(c.spec("UpdateTopicPolicy", false, "ProductId", "TopicName", "NewTopicName", "Privilege", "BrokerSubscribe?"));
        // message
        c.add(c.spec(PUBLISH_MESSAGE, false, "Topic", "Payload", "ProductId", "DeviceName", "Qos?", "PayloadEncoding?")
                .withQuota(300));
        c.add(c.spec(PUBLISH_RRPC_MESSAGE, false, "ProductId", "DeviceName", "Payload"));
        // rule engine
        c.add(c.spec("CreateTopicRule", false, "RuleName", "TopicRulePayload"));
        c.add(c.spec("DeleteTopicRule", false, "RuleName"));
        c.add(c.spec("DisableTopicRule", false, "RuleName"));
        c.add(c.spec("EnableTopicRule", false, "RuleName"));
        c.add(c.spec("ReplaceTopicRule", false, "RuleName", "TopicRulePayload"));
        return c;
    }
}
