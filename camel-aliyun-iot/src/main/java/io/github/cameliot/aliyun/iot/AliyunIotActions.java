package io.github.cameliot.aliyun.iot;

import java.util.Map;
import java.util.Set;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.Paging;

/**
 * The 88 documented actions of the IoT Platform API ({@code Iot}, 2018-01-20): parameters (optional ones end with
 * {@code ?}), quota, idempotency and paging. Adding a newly documented action is one line; an action not listed is
 * callable by name all the same.
 * <p>
 * A list parameter is named by its wire base name, the one sent as {@code Name.N} or {@code Name.N.Field}
 * ({@code DeviceName}, {@code ProductTag}); {@link #LIST_ALIASES} maps the documentation's plural names to it. The
 * device selector, {@code IotId} or else {@code ProductKey} with {@code DeviceName}, is three optional parameters of
 * which one form is needed ({@link #selectsDevice}).
 * <p>
 * Idempotent are the reads and the updates that set a value, a name or a tag set; creating, registering, deleting,
 * sending to devices (messages, properties, services, desired values, the shadow) and starting or stopping rules and
 * asynchronous tasks are not, so they are retried only when the error proves they did not run. Only the documented
 * quotas are kept client-side.
 */
public final class AliyunIotActions {

    /** The API host is {@code iot.REGION.aliyuncs.com}. */
    public static final String HOST_PREFIX = "iot";
    public static final String VERSION = "2018-01-20";
    public static final int DEFAULT_QUOTA = 0;

    public static final String PUB = "Pub";
    public static final String PUB_BROADCAST = "PubBroadcast";
    public static final String RRPC = "RRpc";
    public static final String SET_DEVICE_PROPERTY = "SetDeviceProperty";
    public static final String SET_DEVICES_PROPERTY = "SetDevicesProperty";
    public static final String INVOKE_THING_SERVICE = "InvokeThingService";
    public static final String INVOKE_THINGS_SERVICE = "InvokeThingsService";
    public static final String GET_DEVICE_SHADOW = "GetDeviceShadow";
    public static final String UPDATE_DEVICE_SHADOW = "UpdateDeviceShadow";
    public static final String QUERY_DEVICE_PROPERTY_DATA = "QueryDevicePropertyData";
    public static final String QUERY_DEVICE_EVENT_DATA = "QueryDeviceEventData";
    public static final String QUERY_DEVICE = "QueryDevice";

    /** The documentation's names of list parameters, mapped to their wire base names. */
    public static final Map<String, String> LIST_ALIASES = Map.of(
            "ProductTags", "ProductTag",
            "ProductTagKeys", "ProductTagKey",
            "IotIds", "IotId",
            "Identifiers", "Identifier",
            "DeviceNames", "DeviceName",
            "Devices", "Device",
            "Tags", "Tag",
            "DeviceInfos", "DeviceInfo");

    /** Per action, its parameters sent as {@code Name.N} lists. */
    private static final Map<String, Set<String>> LISTS = Map.ofEntries(
            Map.entry("CreateProductTags", Set.of("ProductTag")),
            Map.entry("UpdateProductTags", Set.of("ProductTag")),
            Map.entry("DeleteProductTags", Set.of("ProductTagKey")),
            Map.entry("ListProductByTags", Set.of("ProductTag")),
            Map.entry("BatchGetDeviceState", Set.of("DeviceName", "IotId")),
            Map.entry("BatchCheckDeviceNames", Set.of("DeviceName")),
            Map.entry("BatchUpdateDeviceNickname", Set.of("DeviceNicknameInfo")),
            Map.entry("QueryDevicePropertiesData", Set.of("Identifier")),
            Map.entry(INVOKE_THINGS_SERVICE, Set.of("DeviceName")),
            Map.entry(SET_DEVICES_PROPERTY, Set.of("DeviceName")),
            Map.entry("QueryDeviceByTags", Set.of("Tag")),
            Map.entry("QueryDeviceDesiredProperty", Set.of("Identifier")),
            Map.entry("CreateLoRaNodesTask", Set.of("DeviceInfo")),
            Map.entry("BatchAddDeviceGroupRelations", Set.of("Device")),
            Map.entry("BatchDeleteDeviceGroupRelations", Set.of("Device")),
            Map.entry("QueryDeviceGroupByTags", Set.of("Tag")),
            Map.entry("CreateTopicRouteTable", Set.of("DstTopic")),
            Map.entry("DeleteTopicRouteTable", Set.of("DstTopic")));

    /** The actions that take the device selector {@code IotId} or {@code ProductKey} + {@code DeviceName}. */
    private static final Set<String> DEVICE_SELECTORS = Set.of(
            "QueryDeviceDetail", "DeleteDevice", "GetDeviceStatus", "DisableThing", "EnableThing",
            QUERY_DEVICE_EVENT_DATA, QUERY_DEVICE_PROPERTY_DATA, "QueryDeviceServiceData", INVOKE_THING_SERVICE,
            "GetGatewayBySubDevice", "QueryDevicePropertyStatus", SET_DEVICE_PROPERTY, "QueryDeviceProp",
            "SaveDeviceProp", "DeleteDeviceProp", "GetThingTopo", "RemoveThingTopo", "SetDeviceDesiredProperty",
            "QueryDeviceDesiredProperty", "QueryDeviceFileList", "QueryDeviceFile", "DeleteDeviceFile");

    public static final ActionCatalog CATALOG = create();

    private AliyunIotActions() {
    }

    /** Whether that parameter (by wire base name) of that action is a repeated {@code Name.N} list. */
    public static boolean isListParameter(String action, String name) {
        Set<String> lists = LISTS.get(action);
        return lists != null && lists.contains(name);
    }

    /** Whether the action identifies one device by {@code IotId} or by {@code ProductKey} and {@code DeviceName}. */
    public static boolean selectsDevice(String action) {
        return DEVICE_SELECTORS.contains(action);
    }

    private static ActionCatalog create() {
        ActionCatalog c = new ActionCatalog(DEFAULT_QUOTA);
        // product (DataFormat is required for Pro products only; ListProductByTags answers no total: its short page is the last)
        c.add(c.spec("CreateProduct", false, "ProductName", "NodeType", "AliyunCommodityCode?", "DataFormat?",
                "Description?", "Id2?", "ProtocolType?", "NetType?", "JoinPermissionId?"));
        c.add(c.spec("QueryProduct", true, "ProductKey").withQuota(50));
        c.add(c.spec("QueryProductList", true, "CurrentPage", "PageSize", "AliyunCommodityCode?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 200, "Data.List.ProductInfo", "Data.Total")));
        c.add(c.spec("UpdateProduct", true, "ProductKey", "ProductName", "Description?").withQuota(50));
        c.add(c.spec("DeleteProduct", false, "ProductKey"));
        c.add(c.spec("CreateProductTags", false, "ProductKey", "ProductTag"));
        c.add(c.spec("UpdateProductTags", true, "ProductKey", "ProductTag"));
        c.add(c.spec("DeleteProductTags", false, "ProductKey", "ProductTagKey"));
        c.add(c.spec("ListProductTags", true, "ProductKey"));
        c.add(c.spec("ListProductByTags", true, "ProductTag", "PageSize?", "CurrentPage?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 50, "ProductInfos.ProductInfo", "Total")));
        // device
        c.add(c.spec("RegisterDevice", false, "ProductKey", "DeviceName?", "Nickname?", "DevEui?", "PinCode?"));
        c.add(c.spec("QueryDeviceDetail", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec(QUERY_DEVICE, true, "ProductKey", "PageSize?", "CurrentPage?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 50, "Data.DeviceInfo", "Total")));
        c.add(c.spec("DeleteDevice", false, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("GetDeviceStatus", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("BatchGetDeviceState", true, "ProductKey?", "DeviceName?", "IotId?"));
        c.add(c.spec("DisableThing", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("EnableThing", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("BatchCheckDeviceNames", false, "ProductKey", "DeviceName"));
        c.add(c.spec("BatchRegisterDeviceWithApplyId", false, "ProductKey", "ApplyId"));
        c.add(c.spec("BatchRegisterDevice", false, "ProductKey", "Count"));
        c.add(c.spec("BatchUpdateDeviceNickname", true, "DeviceNicknameInfo"));
        c.add(c.spec("QueryBatchRegisterDeviceStatus", true, "ProductKey", "ApplyId"));
        c.add(c.spec("QueryPageByApplyId", true, "ApplyId", "PageSize?", "CurrentPage?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 50, "ApplyDeviceList.ApplyDeviceInfo", "Total")));
        c.add(c.spec(QUERY_DEVICE_EVENT_DATA, true, "IotId?", "ProductKey?", "DeviceName?", "EventType?", "Identifier",
                "StartTime", "EndTime", "PageSize?", "Asc?")
                .withPaging(Paging.cursor("StartTime", "PageSize", 50, "Data.List.EventInfo", "Data.NextTime", "Data.NextValid")));
        c.add(c.spec(QUERY_DEVICE_PROPERTY_DATA, true, "IotId?", "ProductKey?", "DeviceName?", "Identifier", "StartTime",
                "EndTime", "PageSize", "Asc")
                .withPaging(Paging.cursor("StartTime", "PageSize", 50, "Data.List.PropertyInfo", "Data.NextTime", "Data.NextValid")));
        c.add(c.spec("QueryDevicePropertiesData", true, "ProductKey", "DeviceName", "Identifier", "StartTime", "EndTime",
                "PageSize", "Asc")
                .withPaging(Paging.cursor("StartTime", "PageSize", 100, "PropertyDataInfos.PropertyDataInfo", "NextTime", "NextValid")));
        c.add(c.spec("QueryDeviceServiceData", true, "IotId?", "ProductKey?", "DeviceName?", "Identifier", "StartTime",
                "EndTime", "PageSize?", "Asc?")
                .withPaging(Paging.cursor("StartTime", "PageSize", 50, "Data.List.ServiceInfo", "Data.NextTime", "Data.NextValid")));
        c.add(c.spec(INVOKE_THING_SERVICE, false, "IotId?", "ProductKey?", "DeviceName?", "Identifier", "Args"));
        c.add(c.spec(INVOKE_THINGS_SERVICE, false, "ProductKey", "DeviceName", "Identifier", "Args").withQuota(50));
        c.add(c.spec("GetGatewayBySubDevice", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("QueryDevicePropertyStatus", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec(SET_DEVICE_PROPERTY, false, "IotId?", "ProductKey?", "DeviceName?", "Items"));
        c.add(c.spec(SET_DEVICES_PROPERTY, false, "ProductKey", "DeviceName", "Items").withQuota(50));
        c.add(c.spec("QueryDeviceProp", true, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("SaveDeviceProp", true, "IotId?", "ProductKey?", "DeviceName?", "Props"));
        c.add(c.spec("DeleteDeviceProp", false, "IotId?", "ProductKey?", "DeviceName?", "PropKey"));
        c.add(c.spec("QueryDeviceByTags", true, "Tag", "PageSize?", "CurrentPage?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 50, "Data.SimpleDeviceInfo", "Total")));
        c.add(c.spec("GetThingTopo", true, "IotId?", "ProductKey?", "DeviceName?", "PageSize", "PageNo")
                .withPaging(Paging.pageNumber("PageNo", "PageSize", 50, "Data.List.deviceInfo", "Data.Total")));
        c.add(c.spec("NotifyAddThingTopo", false, "GwIotId?", "GwProductKey?", "GwDeviceName?", "DeviceListStr"));
        c.add(c.spec("RemoveThingTopo", false, "IotId?", "ProductKey?", "DeviceName?"));
        c.add(c.spec("QueryDeviceStatistics", true, "ProductKey?"));
        c.add(c.spec("SetDeviceDesiredProperty", false, "IotId?", "ProductKey?", "DeviceName?", "Items", "Versions?"));
        c.add(c.spec("QueryDeviceDesiredProperty", true, "IotId?", "ProductKey?", "DeviceName?", "Identifier?"));
        c.add(c.spec("QueryLoRaJoinPermissions", true));
        c.add(c.spec("CreateLoRaNodesTask", false, "ProductKey", "DeviceInfo"));
        c.add(c.spec("GetLoraNodesTask", true, "TaskId"));
        c.add(c.spec("QueryDeviceFileList", true, "IotId?", "ProductKey?", "DeviceName?", "PageSize?", "CurrentPage?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 200, "Data.FileStoreSummary", "Total")));
        c.add(c.spec("QueryDeviceFile", true, "IotId?", "ProductKey?", "DeviceName?", "FileId"));
        c.add(c.spec("DeleteDeviceFile", false, "IotId?", "ProductKey?", "DeviceName?", "FileId"));
        // group
        c.add(c.spec("CreateDeviceGroup", false, "SuperGroupId?", "GroupName", "GroupDesc?"));
        c.add(c.spec("UpdateDeviceGroup", true, "GroupId", "GroupDesc?"));
        c.add(c.spec("DeleteDeviceGroup", false, "GroupId"));
        c.add(c.spec("BatchAddDeviceGroupRelations", false, "GroupId", "Device"));
        c.add(c.spec("BatchDeleteDeviceGroupRelations", false, "GroupId", "Device"));
        c.add(c.spec("QueryDeviceGroupInfo", true, "GroupId"));
        c.add(c.spec("QueryDeviceGroupList", true, "GroupName?", "SuperGroupId?", "PageSize?", "CurrentPage?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 200, "Data.GroupInfo", "Total")));
        c.add(c.spec("SetDeviceGroupTags", true, "GroupId", "TagString"));
        c.add(c.spec("QueryDeviceGroupTagList", true, "GroupId"));
        c.add(c.spec("QueryDeviceGroupByDevice", true, "ProductKey", "DeviceName"));
        c.add(c.spec("QuerySuperDeviceGroup", true, "GroupId"));
        c.add(c.spec("QueryDeviceListByDeviceGroup", true, "GroupId", "CurrentPage?", "PageSize?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 50, "Data.SimpleDeviceInfo", "Total")));
        c.add(c.spec("QueryDeviceGroupByTags", true, "Tag", "CurrentPage?", "PageSize?")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 50, "Data.DeviceGroup", "Total")));
        // topic
        c.add(c.spec("CreateProductTopic", false, "ProductKey", "TopicShortName", "Operation", "Desc?"));
        c.add(c.spec("UpdateProductTopic", true, "TopicId", "TopicShortName?", "Operation?", "Desc?"));
        c.add(c.spec("QueryProductTopic", true, "ProductKey"));
        c.add(c.spec("DeleteProductTopic", false, "TopicId"));
        c.add(c.spec("CreateTopicRouteTable", false, "SrcTopic", "DstTopic"));
        c.add(c.spec("DeleteTopicRouteTable", false, "SrcTopic", "DstTopic"));
        c.add(c.spec("QueryTopicReverseRouteTable", true, "Topic"));
        c.add(c.spec("QueryTopicRouteTable", true, "Topic"));
        // rule engine
        c.add(c.spec("CreateRule", false, "Name", "ProductKey?", "ShortTopic?", "Select?", "RuleDesc?", "DataType?",
                "Where?", "TopicType"));
        c.add(c.spec("CreateRuleAction", false, "RuleId", "Type", "Configuration"));
        c.add(c.spec("DeleteRule", false, "RuleId"));
        c.add(c.spec("DeleteRuleAction", false, "ActionId"));
        c.add(c.spec("GetRule", true, "RuleId"));
        c.add(c.spec("GetRuleAction", true, "ActionId"));
        c.add(c.spec("ListRule", true, "PageSize", "CurrentPage")
                .withPaging(Paging.pageNumber("CurrentPage", "PageSize", 100, "Data.RuleInfo", "Total")));
        c.add(c.spec("ListRuleActions", true, "RuleId"));
        c.add(c.spec("StartRule", false, "RuleId"));
        c.add(c.spec("StopRule", false, "RuleId"));
        c.add(c.spec("UpdateRule", true, "RuleId", "Name", "ProductKey?", "ShortTopic?", "Select?", "RuleDesc?", "Where?",
                "TopicType?"));
        c.add(c.spec("UpdateRuleAction", true, "ActionId", "Type", "Configuration"));
        // messaging
        c.add(c.spec(PUB, false, "ProductKey", "TopicFullName", "MessageContent", "Qos?"));
        c.add(c.spec(PUB_BROADCAST, false, "ProductKey", "TopicFullName", "MessageContent").withQuota(1));
        c.add(c.spec(RRPC, false, "ProductKey", "DeviceName", "RequestBase64Byte", "Timeout", "Topic?"));
        // device shadow
        c.add(c.spec(GET_DEVICE_SHADOW, true, "ProductKey", "DeviceName"));
        c.add(c.spec(UPDATE_DEVICE_SHADOW, false, "ProductKey", "DeviceName", "ShadowMessage"));
        return c;
    }
}
