package io.github.cameliot.tencent.iot.explorer;

import java.util.Set;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.Paging;

/**
 * The 86 actions of the IoT Explorer application API (客户端 API, zh documentation): parameters (optional ones end
 * with {@code ?}), idempotency, paging, and which endpoint each is called on. Two are called before login, on the
 * signed {@code appapi} endpoint ({@link #APP_API_ACTIONS}); all others on {@code tokenapi} with the user's
 * AccessToken, the manual scenes and automations included (their pages name {@code appapi}, but their parameters
 * and examples are those of {@code tokenapi}). Actions not listed are callable by name, on {@code tokenapi}.
 * <p>
 * Idempotent are the reads, the updates that set a value, logging in and the reports of a version; creating,
 * deleting, binding, sharing, controlling, publishing and running are not, so they are retried only when the error
 * proves they did not run. The API documents no quota, so calls are not limited client-side ({@link #DEFAULT_QUOTA}
 * is 0).
 */
public final class TencentIotExplorerActions {

    public static final int DEFAULT_QUOTA = 0;

    public static final String APP_GET_TOKEN_BY_WEIXIN = "AppGetTokenByWeiXin";
    public static final String APP_API_PUBLISH_MESSAGE = "AppApiPublishMessage";
    public static final String APP_CONTROL_DEVICE_DATA = "AppControlDeviceData";
    public static final String APP_PUBLISH_MSG_AS_DEVICE = "AppPublishMsgAsDevice";

    /** The actions called before login, signed with the AppKey and AppSecret on {@code appapi} (A). */
    public static final Set<String> APP_API_ACTIONS = Set.of(APP_GET_TOKEN_BY_WEIXIN, APP_API_PUBLISH_MESSAGE);

    /**
     * The parameters that the API types as strings holding JSON; a map or list given for one is written as JSON text.
     */
    public static final Set<String> JSON_STRING_PARAMETERS = Set.of("Data", "InputParams", "Params");

    /** The actions whose {@code Data} (the properties to set or report) may be the message body as a map. */
    public static final Set<String> DATA_BODY_ACTIONS = Set.of(APP_CONTROL_DEVICE_DATA, "AppReportDataAsDevice",
            "AppCreateTimer", "AppModifyTimer");

    public static final ActionCatalog CATALOG = create();

    private TencentIotExplorerActions() {
    }

    /** Whether the action is called before login, on the signed {@code appapi} endpoint. */
    public static boolean isAppApi(String action) {
        return APP_API_ACTIONS.contains(action);
    }

    private static Paging offset(String items, int max) {
        return new Paging.Offset("Offset", "Limit", max, items, "Total", null);
    }

    private static ActionCatalog create() {
        ActionCatalog c = new ActionCatalog(DEFAULT_QUOTA);
        // user (A: AppGetTokenByWeiXin)
        c.add(c.spec(APP_GET_TOKEN_BY_WEIXIN, true, "WxOpenID", "NickName", "Avatar"));
        c.add(c.spec("AppLogoutUser", true));
        // Wi-Fi provisioning
        c.add(c.spec("AppCreateDeviceBindToken", false, "TokenLengthType?"));
        c.add(c.spec("AppGetDeviceBindTokenState", true, "Token"));
        c.add(c.spec("AppTokenBindDeviceFamily", false, "Token", "ProductId", "DeviceName", "FamilyId", "RoomId"));
        // device management
        c.add(c.spec("APPGetWechatDeviceTicket", true, "ProductId", "DeviceName", "IsThirdApp", "ModelId?", "MiniProgramAppId?"));
        c.add(c.spec("AppGetProducts", true, "ProductIds", "DeviceIds?"));
        c.add(c.spec("AppDeleteDeviceInFamily", false, "FamilyId", "RoomId", "ProductId", "DeviceName"));
        c.add(c.spec("AppGetFamilyDeviceList", true, "FamilyId", "RoomId", "Offset?", "Limit?")
                .withPaging(offset("DeviceList", 50)));
        c.add(c.spec("AppGetDeviceStatuses", true, "DeviceIds"));
        c.add(c.spec("AppUpdateDeviceInFamily", true, "ProductId", "DeviceName", "AliasName"));
        c.add(c.spec("AppGetDeviceInFamily", true, "ProductId", "FamilyId", "DeviceName"));
        c.add(c.spec("AppGetDeviceExtInfo", true, "DeviceId"));
        c.add(c.spec("AppModifyFamilyDeviceRoom", true, "FamilyId", "RoomId", "ProductId", "DeviceName"));
        c.add(c.spec("AppBindSubDeviceInFamily", false, "GatewayProductId", "GatewayDeviceName", "ProductId", "DeviceName"));
        c.add(c.spec("AppGetGatewayBindDeviceList", true, "ProductId", "GatewayProductId", "GatewayDeviceName", "Offset", "Limit")
                .withPaging(offset("DeviceList", 50)));
        c.add(c.spec("AppGetFamilySubDeviceList", true, "GatewayProductId", "GatewayDeviceName", "Offset", "Limit")
                .withPaging(offset("DeviceList", 50)));
        c.add(c.spec("AppReportDataAsDevice", false, "DeviceId", "Data", "TimeStamp"));
        c.add(c.spec(APP_PUBLISH_MSG_AS_DEVICE, false, "ProductId", "DeviceName", "Topic", "Payload"));
        c.add(c.spec("AppReportDeviceEvent", false, "DeviceId", "EventId", "Params", "Method", "EventTimeStamp"));
        c.add(c.spec("AppSigBindDeviceInFamily", false, "FamilyId", "ProductId", "DeviceName", "RoomId?", "DeviceTimestamp",
                "ConnId?", "Signature", "BindType", "SignMethod?"));
        c.add(c.spec("AppSigGatewayBindDevice", false, "ProductId", "DeviceName", "GatewayProductId", "GatewayDeviceName",
                "DeviceTimestamp", "Nonce", "Signature"));
        c.add(c.spec("AppGatewayUnbindDevice", false, "ProductId", "DeviceName", "GatewayProductId", "GatewayDeviceName"));
        // device control (A: AppApiPublishMessage)
        c.add(c.spec(APP_API_PUBLISH_MESSAGE, false, "ProductId", "DeviceName", "Topic", "Payload", "Qos?", "PayloadEncoding?"));
        c.add(c.spec(APP_CONTROL_DEVICE_DATA, false, "ProductId", "DeviceName", "Data"));
        c.add(c.spec("AppCallDeviceActionSync", false, "ProductId", "DeviceName", "ActionId", "InputParams?"));
        c.add(c.spec("AppCallDeviceActionAsync", false, "ProductId", "DeviceName", "ActionId", "InputParams?"));
        // device sharing
        c.add(c.spec("AppSendShareDeviceInvite", false, "ProductId", "DeviceName", "ToUserId"));
        c.add(c.spec("AppCreateShareDeviceToken", false, "FamilyId", "ProductId", "DeviceName", "TokenContent?"));
        c.add(c.spec("AppDescribeShareDeviceToken", true, "ShareDeviceToken"));
        c.add(c.spec("AppBindUserShareDevice", false, "ShareDeviceToken", "ProductId", "DeviceName"));
        c.add(c.spec("AppListUserShareDevices", true, "Offset", "Limit").withPaging(offset("ShareDevices", 100)));
        c.add(c.spec("AppRemoveUserShareDevice", false, "ProductId", "DeviceName"));
        c.add(c.spec("AppListShareDeviceUsers", true, "ProductId", "DeviceName", "Offset", "Limit")
                .withPaging(offset("Users", 100)));
        c.add(c.spec("AppRemoveShareDeviceUser", false, "RemoveUserId", "ProductId", "DeviceName"));
        // families, rooms, members
        c.add(c.spec("AppCreateFamily", false, "Name", "Address"));
        c.add(c.spec("AppDeleteFamily", false, "Name", "FamilyId"));
        c.add(c.spec("AppModifyFamily", true, "Name", "FamilyId", "Address"));
        c.add(c.spec("AppGetFamilyList", true, "Offset?", "Limit?").withPaging(offset("FamilyList", 50)));
        c.add(c.spec("AppDescribeFamily", true, "FamilyId"));
        c.add(c.spec("AppCreateRoom", false, "FamilyId", "Name"));
        c.add(c.spec("AppModifyRoom", true, "FamilyId", "RoomId", "Name?"));
        c.add(c.spec("AppDeleteRoom", false, "FamilyId", "RoomId"));
        c.add(c.spec("AppGetRoomList", true, "FamilyId?", "Offset?", "Limit?").withPaging(offset("RoomList", 50)));
        c.add(c.spec("AppInviteMember", false, "FamilyId"));
        c.add(c.spec("AppJoinFamily", false, "ShareToken"));
        c.add(c.spec("AppDeleteFamilyMember", false, "MemberId", "FamilyId?"));
        c.add(c.spec("AppExitFamily", false, "FamilyId"));
        c.add(c.spec("AppGetFamilyMemberList", true, "FamilyId", "Offset?", "Limit?").withPaging(offset("MemberList", 50)));
        c.add(c.spec("AppSendShareFamilyInvite", false, "FamilyId", "ToUserId"));
        // timers
        c.add(c.spec("AppCreateTimer", false, "ProductId", "DeviceName", "TimerName", "Days", "TimePoint", "Repeat", "Data"));
        c.add(c.spec("AppModifyTimer", true, "ProductId", "DeviceName", "TimerName", "TimerId", "TimePoint", "Days", "Repeat",
                "Data"));
        c.add(c.spec("AppDeleteTimer", false, "ProductId", "DeviceName", "TimerId"));
        c.add(c.spec("AppModifyTimerStatus", true, "ProductId", "DeviceName", "TimerId", "Status?"));
        c.add(c.spec("AppGetTimerList", true, "ProductId", "DeviceName", "Offset?", "Limit?").withPaging(offset("TimerList", 50)));
        // firmware
        c.add(c.spec("AppReportFirmwareVersion", true, "ProductId", "DeviceName", "Version"));
        c.add(c.spec("AppCheckFirmwareUpdate", true, "ProductId", "DeviceName"));
        c.add(c.spec("AppGetDeviceOTAInfo", true, "ProductId", "DeviceName"));
        c.add(c.spec("AppPublishFirmwareUpdateMessage", false, "ProductId", "DeviceName"));
        c.add(c.spec("AppReportOTAStatus", true, "ProductId", "DeviceName", "Version", "State", "ResultCode", "ResultMsg?",
                "Persent?"));
        c.add(c.spec("AppDescribeFirmwareUpdateStatus", true, "ProductId", "DeviceName"));
        c.add(c.spec("AppDescribeFirmware", true, "ProductId", "FirmwareVersion"));
        c.add(c.spec("AppDescribeDeviceVersion", true, "ProductId", "DeviceName"));
        // messages
        c.add(c.spec("AppGetMessages", true, "Category", "Limit", "MsgID?", "MsgTimeStamp?"));
        c.add(c.spec("AppDeleteMessage", false, "MsgID"));
        // manual scenes (T)
        c.add(c.spec("AppCreateScene", false, "FamilyId", "SceneName", "SceneIcon", "Actions"));
        c.add(c.spec("AppGetSceneList", true, "FamilyId", "Offset", "Limit").withPaging(offset("SceneList", 50)));
        c.add(c.spec("AppDeleteScene", false, "SceneId"));
        c.add(c.spec("AppModifyScene", true, "SceneId", "SceneName", "SceneIcon", "Actions"));
        c.add(c.spec("AppRunScene", false, "SceneId"));
        // automations (T)
        c.add(c.spec("AppCreateAutomation", false, "FamilyId", "Icon", "Name", "Status", "MatchType", "Conditions", "Actions",
                "EffectiveBeginTime", "EffectiveEndTime", "EffectiveDays"));
        c.add(c.spec("AppGetAutomationList", true, "FamilyId"));
        c.add(c.spec("AppDescribeAutomation", true, "AutomationId"));
        c.add(c.spec("AppDeleteAutomation", false, "AutomationId"));
        c.add(c.spec("AppModifyAutomation", true, "AutomationId", "Icon", "Name", "Status", "MatchType", "Conditions",
                "Actions", "EffectiveBeginTime", "EffectiveEndTime", "EffectiveDays"));
        c.add(c.spec("AppModifyAutomationStatus", true, "AutomationId", "Status"));
        // data
        c.add(c.spec("AppGetDeviceData", true, "ProductId", "DeviceName"));
        c.add(c.spec("AppGetDeviceDataHistory", true, "ProductId", "DeviceName", "FieldName", "MinTime", "MaxTime", "Limit",
                "Context?"));
        c.add(c.spec("AppListEventHistory", true, "ProductId", "DeviceName", "Type?", "StartTime?", "EndTime?", "Context?",
                "Size?", "EventId?"));
        // cloud storage (video devices)
        c.add(c.spec("IotVideoDescribeCloudStorageEvents", true, "ProductId", "DeviceName", "StartTime?", "EndTime?",
                "Context?", "Size?", "EventId?", "UserId?", "ChannelId?"));
        c.add(c.spec("IotVideoDescribeCloudStorageThumbnail", true, "ProductId", "DeviceName", "Thumbnail"));
        c.add(c.spec("IotVideoDescribeCloudStorageDate", true, "ProductId", "DeviceName", "UserId?"));
        c.add(c.spec("IotVideoDescribeCloudStorageTime", true, "ProductId", "DeviceName", "Date", "StartTime?", "EndTime?",
                "UserId?"));
        c.add(c.spec("IotVideoGenerateSignedVideoURL", true, "ProductId", "DeviceName", "VideoURL", "ExpireTime"));
        c.add(c.spec("IotVideoDescribeCloudStorageStreamData", true, "ProductId", "DeviceName", "StartTime"));
        // music (one action, the sub-command in KGCommand)
        c.add(c.spec("AppKugouUserCommand", false, "DeviceId", "KGCommand", "KugouParams"));
        return c;
    }
}
