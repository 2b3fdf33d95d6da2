package io.github.cameliot.tencent.trocket;

import io.github.cameliot.cloudapi.ActionCatalog;

/**
 * The 25 MQTT actions of the trocket API (MQTT instances {@code mqtt-...}: instances, first-level topics, users,
 * endpoints, certificates, clients and stored messages), all at the default quota of 20 a second.
 * <p>
 * Kept apart from {@link TencentTrocketActions} on purpose: Tencent is taking the MQTT actions out of trocket into a
 * product of their own. To drop them, delete this class and the one line of {@link TencentTrocketActions} that calls
 * {@link #addTo}; to move them, give {@link #addTo} another catalog.
 */
public final class TencentTrocketMqttActions {

    public static final String DESCRIBE_MQTT_MESSAGE_LIST = "DescribeMQTTMessageList";
    /** The query task of DescribeMQTTMessageList: "" for the first page, then the one the answer hands back. */
    public static final String TASK_REQUEST_ID = "TaskRequestId";

    /** How many actions {@link #addTo} adds. */
    public static final int COUNT = 25;

    private TencentTrocketMqttActions() {
    }

    public static ActionCatalog addTo(ActionCatalog c) {
        // instances
        c.add(c.spec("DescribeMQTTInstanceList", true, "Filters?", "Offset?", "Limit?")
                .withPaging(TencentTrocketActions.offsetLimit("Data")));
        c.add(c.spec("DescribeMQTTInstance", true, "InstanceId"));
        c.add(c.spec("CreateMQTTInstance", false, "InstanceType", "Name", "SkuCode", "Remark?", "TagList?", "VpcList?",
                "EnablePublic?", "Bandwidth?", "IpRules?", "RenewFlag?", "TimeSpan?"));
        c.add(c.spec("DeleteMQTTInstance", false, "InstanceId"));
        c.add(c.spec("ModifyMQTTInstance", true, "InstanceId", "Name?", "Remark?"));
        c.add(c.spec("DescribeMQTTProductSKUList", true));
        // certificates: empty ids unbind, so the doc's "required" ids may be blank (and are not checked)
        c.add(c.spec("ModifyMQTTInstanceCertBinding", true, "InstanceId", "SSLServerCertId?", "SSLCaCertId?"));
        c.add(c.spec("DescribeMQTTInstanceCert", true, "InstanceId"));
        // topics
        c.add(c.spec("CreateMQTTTopic", false, "InstanceId", "Topic", "Remark?"));
        c.add(c.spec("DeleteMQTTTopic", false, "InstanceId", "Topic"));
        c.add(c.spec("ModifyMQTTTopic", true, "InstanceId", "Topic", "Remark?"));
        c.add(c.spec("DescribeMQTTTopic", true, "InstanceId", "Topic"));
        c.add(c.spec("DescribeMQTTTopicList", true, "InstanceId", "Filters?", "Offset?", "Limit?")
                .withPaging(TencentTrocketActions.offsetLimit("Data")));
        // stored messages; TaskRequestId is "" on the first call, which the component sends when it is left out
        c.add(c.spec(DESCRIBE_MQTT_MESSAGE_LIST, true, "InstanceId", "Topic", "StartTime", "EndTime", TASK_REQUEST_ID + "?",
                "Offset?", "Limit?").withPaging(TencentTrocketActions.offsetLimit("Data").carrying(TASK_REQUEST_ID)));
        c.add(c.spec("DescribeMQTTMessage", true, "InstanceId", "Topic", "MsgId"));
        // users: DescribeMQTTUserList holds their passwords
        c.add(c.spec("CreateMQTTUser", false, "InstanceId", "Remark", "PermWrite", "PermRead", "Username", "Password?"));
        c.add(c.spec("DescribeMQTTUserList", true, "InstanceId", "Filters?", "Offset?", "Limit?")
                .withPaging(TencentTrocketActions.offsetLimit("Data")));
        c.add(c.spec("ModifyMQTTUser", true, "InstanceId", "Username", "PermRead", "PermWrite", "Remark?"));
        c.add(c.spec("DeleteMQTTUser", false, "InstanceId", "Username"));
        // clients
        c.add(c.spec("DescribeMQTTClient", true, "InstanceId", "ClientId"));
        // endpoints
        c.add(c.spec("CreateMQTTInsPublicEndpoint", false, "InstanceId", "Bandwidth", "Rules?"));
        c.add(c.spec("DeleteMQTTInsPublicEndpoint", false, "InstanceId"));
        c.add(c.spec("ModifyMQTTInsPublicEndpoint", true, "InstanceId", "Bandwidth", "Rules"));
        c.add(c.spec("DescribeMQTTInsPublicEndpoints", true, "InstanceId"));
        c.add(c.spec("DescribeMQTTInsVPCEndpoints", true, "InstanceId"));
        return c;
    }
}
