package io.github.cameliot.tencent.trocket;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.Paging;

/**
 * The 46 documented actions of the TDMQ RocketMQ 5.x management API ({@code trocket}, 2023-03-08): parameters
 * (optional ones end with {@code ?}), quota and idempotency. Adding a newly documented action is one line. Actions not
 * listed (DescribeTopicStatsOp, which the API removed, and actions newer than the documentation, such as
 * DescribeMessage) are callable by name all the same.
 * <p>
 * Quotas are the documented ones: 20 requests a second, and 10000 for the five consumer-group actions (as both the
 * overview and the action pages say, however odd). Idempotent are the reads and the updates that set a value
 * ({@code Modify*}); creating, deleting and importing are not, so they are retried only when the error proves they did
 * not run.
 * <p>
 * The list actions page with {@code Offset}/{@code Limit}; the documentation gives no largest {@code Limit}, so the
 * component asks for {@value #MAX_LIMIT} items a page, the usual largest page of Tencent Cloud API 3.0, when the
 * request names none.
 * <p>
 * The 25 MQTT actions are kept in {@link TencentTrocketMqttActions}, added by one line below: Tencent is moving them
 * to a product of their own, and dropping them is deleting that class and that line.
 */
public final class TencentTrocketActions {

    public static final String SERVICE = "trocket";
    public static final String VERSION = "2023-03-08";
    public static final int DEFAULT_QUOTA = 20;
    /** The documented quota of the consumer-group actions. */
    public static final int CONSUMER_GROUP_QUOTA = 10000;
    /** The page size asked for when a list request names none: the doc states no maximum. */
    public static final int MAX_LIMIT = 100;

    public static final String CREATE_TOPIC = "CreateTopic";
    public static final String DESCRIBE_TOPIC_LIST = "DescribeTopicList";
    public static final String DESCRIBE_INSTANCE_LIST = "DescribeInstanceList";

    public static final ActionCatalog CATALOG = create();

    private TencentTrocketActions() {
    }

    static Paging.Offset offsetLimit(String itemsField) {
        return Paging.offsetLimit(itemsField, MAX_LIMIT);
    }

    private static ActionCatalog create() {
        ActionCatalog c = new ActionCatalog(DEFAULT_QUOTA);
        // topics
        c.add(c.spec(CREATE_TOPIC, false, "InstanceId", "Topic", "TopicType", "QueueNum", "Remark?", "MsgTTL?"));
        c.add(c.spec("DeleteTopic", false, "InstanceId", "Topic"));
        c.add(c.spec("ModifyTopic", true, "InstanceId", "Topic", "QueueNum?", "Remark?", "MsgTTL?"));
        c.add(c.spec(DESCRIBE_TOPIC_LIST, true, "InstanceId", "Filters?", "Offset?", "Limit?").withPaging(offsetLimit("Data")));
        // pages through the consumer groups subscribed to the topic, SubscriptionCount in all
        c.add(c.spec("DescribeTopic", true, "InstanceId", "Topic", "Filters?", "Offset?", "Limit?")
                .withPaging(offsetLimit("SubscriptionData").withTotal("SubscriptionCount")));
        // consumer groups; ConsumerGroup is required where the doc marks it optional (sic): it names the group
        c.add(c.spec("CreateConsumerGroup", false, "InstanceId", "ConsumerGroup", "MaxRetryTimes", "ConsumeEnable",
                "ConsumeMessageOrderly", "Remark?").withQuota(CONSUMER_GROUP_QUOTA));
        c.add(c.spec("DeleteConsumerGroup", false, "InstanceId", "ConsumerGroup").withQuota(CONSUMER_GROUP_QUOTA));
        c.add(c.spec("ModifyConsumerGroup", true, "InstanceId", "ConsumerGroup", "ConsumeEnable?", "ConsumeMessageOrderly?",
                "MaxRetryTimes?", "Remark?").withQuota(CONSUMER_GROUP_QUOTA));
        c.add(c.spec("DescribeConsumerGroup", true, "InstanceId", "ConsumerGroup").withQuota(CONSUMER_GROUP_QUOTA));
        c.add(c.spec("DescribeConsumerGroupList", true, "InstanceId", "Offset", "Limit", "Filters?", "FromTopic?")
                .withQuota(CONSUMER_GROUP_QUOTA).withPaging(offsetLimit("Data")));
        // roles (ACL): DescribeRoleList holds the roles' AccessKey and SecretKey
        c.add(c.spec("CreateRole", false, "InstanceId", "Role", "Remark", "PermWrite", "PermRead"));
        c.add(c.spec("DescribeRoleList", true, "InstanceId", "Offset", "Limit", "Filters?").withPaging(offsetLimit("Data")));
        c.add(c.spec("ModifyRole", true, "InstanceId", "Role", "PermRead", "PermWrite", "Remark?"));
        c.add(c.spec("DeleteRole", false, "InstanceId", "Role"));
        // smooth migration: the task, not an instance, names the target
        c.add(c.spec("ImportSourceClusterConsumerGroups", false, "TaskId", "GroupList"));
        c.add(c.spec("ImportSourceClusterTopics", false, "TaskId", "TopicList"));
        // cluster
        c.add(c.spec("CreateInstance", false, "InstanceType", "Name", "SkuCode", "Remark?", "TagList?", "VpcList?",
                "EnablePublic?", "Bandwidth?", "IpRules?", "MessageRetention?", "PayMode?", "RenewFlag?", "TimeSpan?",
                "MaxTopicNum?"));
        c.add(c.spec("DeleteInstance", false, "InstanceId"));
        c.add(c.spec("ModifyInstance", true, "InstanceId", "Name?", "Remark?", "SendReceiveRatio?", "SkuCode?",
                "MessageRetention?", "ScaledTpsEnabled?", "MaxTopicNum?"));
        c.add(c.spec(DESCRIBE_INSTANCE_LIST, true, "Offset", "Limit", "Filters?", "TagFilters?")
                .withPaging(offsetLimit("Data")));
        c.add(c.spec("DescribeInstance", true, "InstanceId"));
        // MQTT: one line, so that the group leaves with its class
        TencentTrocketMqttActions.addTo(c);
        return c;
    }
}
