package io.github.cameliot.emulator.tencent.trocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The state the emulated trocket API keeps, over HTTP as a client sees it: instances, topics, consumer groups and
 * roles are created, found, changed and deleted, and refused with the documented codes when missing or duplicated.
 * (The RocketMQ behind the API is tested from camel-tencent-trocket, where one runs already.)
 */
class TrocketStateTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD =
            new CloudEmulatorExtension(CloudEmulator.builder().enforceQuotas(false));

    TrocketClient api;
    String instance;

    @BeforeEach
    void createInstance() {
        api = new TrocketClient(CLOUD.emulator().trocket().url(), CLOUD.emulator().credentials().tencentSecretId(),
                CLOUD.emulator().credentials().tencentSecretKey());
        instance = api.ok("CreateInstance", "{'InstanceType':'BASIC','Name':'orders','SkuCode':'basic_2k',"
                + "'Remark':'r','TagList':[{'TagKey':'team','TagValue':'iot'}],'MaxTopicNum':2}").get("InstanceId")
                .asText();
    }

    @Test
    void anInstanceIsDescribedListedModifiedAndDeleted() {
        assertThat(instance).matches("rmq-[a-z0-9]{8}");
        JsonNode described = api.ok("DescribeInstance", "{'InstanceId':'" + instance + "'}");
        assertThat(described.get("InstanceName").asText()).isEqualTo("orders");
        assertThat(described.get("InstanceType").asText()).isEqualTo("BASIC");
        assertThat(described.get("SkuCode").asText()).isEqualTo("basic_2k");
        assertThat(described.get("TpsLimit").asInt()).isEqualTo(2000);
        assertThat(described.get("TopicNumLimit").asInt()).isEqualTo(2);
        assertThat(described.get("InstanceStatus").asText()).isEqualTo("RUNNING");
        assertThat(described.get("TagList").get(0).get("TagValue").asText()).isEqualTo("iot");
        // no RocketMQ behind this emulator: no access point to list
        assertThat(described.get("EndpointList")).isEmpty();

        String other = api.ok("CreateInstance", "{'InstanceType':'PRO','Name':'billing','SkuCode':'pro_1w'}")
                .get("InstanceId").asText();
        JsonNode all = api.ok("DescribeInstanceList", "{'Offset':0,'Limit':10}");
        assertThat(all.get("TotalCount").asInt()).isEqualTo(2);
        assertThat(ids(all, "InstanceId")).containsExactly(instance, other);
        JsonNode byName = api.ok("DescribeInstanceList", "{'Offset':0,'Limit':10,"
                + "'Filters':[{'Name':'InstanceName','Values':['bill']}]}");
        assertThat(ids(byName, "InstanceId")).containsExactly(other);
        JsonNode byTag = api.ok("DescribeInstanceList", "{'Offset':0,'Limit':10,"
                + "'TagFilters':[{'TagKey':'team','TagValues':['iot']}]}");
        assertThat(ids(byTag, "InstanceId")).containsExactly(instance);
        JsonNode secondPage = api.ok("DescribeInstanceList", "{'Offset':1,'Limit':1}");
        assertThat(secondPage.get("TotalCount").asInt()).isEqualTo(2);
        assertThat(ids(secondPage, "InstanceId")).containsExactly(other);

        api.ok("ModifyInstance", "{'InstanceId':'" + instance + "','Name':'orders-2','SkuCode':'basic_4k'}");
        JsonNode modified = api.ok("DescribeInstance", "{'InstanceId':'" + instance + "'}");
        assertThat(modified.get("InstanceName").asText()).isEqualTo("orders-2");
        assertThat(modified.get("TpsLimit").asInt()).isEqualTo(4000);

        api.ok("DeleteInstance", "{'InstanceId':'" + instance + "'}");
        assertThat(api.error("DescribeInstance", "{'InstanceId':'" + instance + "'}"))
                .isEqualTo("ResourceNotFound.Instance");
        assertThat(api.error("DeleteInstance", "{'InstanceId':'" + instance + "'}"))
                .isEqualTo("ResourceNotFound.Instance");
        assertThat(api.error("CreateTopic", "{'InstanceId':'" + instance + "','Topic':'t','TopicType':'NORMAL',"
                + "'QueueNum':1}")).isEqualTo("ResourceNotFound.Instance");
    }

    @Test
    void refusesMissingAndInvalidParameters() {
        assertThat(api.error("CreateInstance", "{'InstanceType':'BASIC','Name':'x'}")).isEqualTo("MissingParameter");
        assertThat(api.error("CreateInstance", "{'InstanceType':'HUGE','Name':'x','SkuCode':'basic_2k'}"))
                .isEqualTo("InvalidParameterValue");
        assertThat(api.error("CreateTopic", "{'InstanceId':'" + instance + "','Topic':'t','TopicType':'NORMAL',"
                + "'QueueNum':'many'}")).isEqualTo("InvalidParameterValue");
        assertThat(api.error("ImportSourceClusterTopics", "{'TaskId':'t','TopicList':[]}"))
                .isEqualTo("MissingParameter");
        assertThat(api.error("DescribeTopicStatsOp", "{'InstanceId':'" + instance + "'}")).isEqualTo("InvalidAction");
    }

    @Test
    void topicsAreCreatedOnceWithinTheInstancesQuotaAndFoundByNameAndType() {
        api.ok("CreateTopic", "{'InstanceId':'" + instance + "','Topic':'orders','TopicType':'FIFO','QueueNum':4,"
                + "'Remark':'first','MsgTTL':24}");
        assertThat(api.error("CreateTopic", "{'InstanceId':'" + instance + "','Topic':'orders','TopicType':'NORMAL',"
                + "'QueueNum':1}")).isEqualTo("UnsupportedOperation.ResourceAlreadyExists");
        api.ok("CreateTopic", "{'InstanceId':'" + instance + "','Topic':'audit','TopicType':'NORMAL','QueueNum':1}");
        assertThat(api.error("CreateTopic", "{'InstanceId':'" + instance + "','Topic':'third','TopicType':'NORMAL',"
                + "'QueueNum':1}")).isEqualTo("LimitExceeded.TopicNum");
        assertThat(api.error("ModifyInstance", "{'InstanceId':'" + instance + "','MaxTopicNum':1}"))
                .isEqualTo("UnsupportedOperation.InstanceTopicNumDowngrade");

        JsonNode topic = api.ok("DescribeTopic", "{'InstanceId':'" + instance + "','Topic':'orders'}");
        assertThat(topic.get("TopicType").asText()).isEqualTo("FIFO");
        assertThat(topic.get("Remark").asText()).isEqualTo("first");
        assertThat(topic.get("MsgTTL").asInt()).isEqualTo(24);
        assertThat(topic.get("SubscriptionCount").asInt()).isZero();
        JsonNode fifo = api.ok("DescribeTopicList", "{'InstanceId':'" + instance + "',"
                + "'Filters':[{'Name':'TopicType','Values':['Order']}]}");
        assertThat(ids(fifo, "Topic")).containsExactly("orders");
        JsonNode byName = api.ok("DescribeTopicList", "{'InstanceId':'" + instance + "',"
                + "'Filters':[{'Name':'TopicName','Values':['aud']}]}");
        assertThat(ids(byName, "Topic")).containsExactly("audit");
        assertThat(api.ok("DescribeInstance", "{'InstanceId':'" + instance + "'}").get("TopicNum").asInt())
                .isEqualTo(2);

        api.ok("ModifyTopic", "{'InstanceId':'" + instance + "','Topic':'orders','QueueNum':8,'Remark':'second'}");
        JsonNode listed = api.ok("DescribeTopicList", "{'InstanceId':'" + instance + "','Offset':0,'Limit':1}");
        assertThat(listed.get("TotalCount").asInt()).isEqualTo(2);
        assertThat(listed.get("Data").get(0).get("QueueNum").asInt()).isEqualTo(8);
        assertThat(listed.get("Data").get(0).get("Remark").asText()).isEqualTo("second");

        api.ok("DeleteTopic", "{'InstanceId':'" + instance + "','Topic':'orders'}");
        assertThat(api.error("DescribeTopic", "{'InstanceId':'" + instance + "','Topic':'orders'}"))
                .isEqualTo("ResourceNotFound.Topic");
        assertThat(api.error("DeleteTopic", "{'InstanceId':'" + instance + "','Topic':'orders'}"))
                .isEqualTo("ResourceNotFound.Topic");
        assertThat(api.error("DescribeTopicList", "{'InstanceId':'rmq-missing'}"))
                .isEqualTo("ResourceNotFound.Instance");
    }

    @Test
    void consumerGroupsAreCreatedOnceDescribedModifiedAndDeleted() {
        api.ok("CreateConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing','MaxRetryTimes':3,"
                + "'ConsumeEnable':true,'ConsumeMessageOrderly':true,'Remark':'r'}");
        api.ok("CreateConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'audit','MaxRetryTimes':16,"
                + "'ConsumeEnable':true,'ConsumeMessageOrderly':false}");
        assertThat(api.error("CreateConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing',"
                + "'MaxRetryTimes':3,'ConsumeEnable':true,'ConsumeMessageOrderly':true}"))
                .isEqualTo("UnsupportedOperation.ResourceAlreadyExists");

        JsonNode group = api.ok("DescribeConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing'}");
        assertThat(group.get("MaxRetryTimes").asInt()).isEqualTo(3);
        assertThat(group.get("ConsumeMessageOrderly").asBoolean()).isTrue();
        JsonNode orderly = api.ok("DescribeConsumerGroupList", "{'InstanceId':'" + instance + "','Offset':0,'Limit':10,"
                + "'Filters':[{'Name':'ConsumeMessageOrderly','Values':['true']}]}");
        assertThat(ids(orderly, "ConsumerGroup")).containsExactly("billing");
        assertThat(api.ok("DescribeInstance", "{'InstanceId':'" + instance + "'}").get("GroupNum").asInt())
                .isEqualTo(2);

        api.ok("ModifyConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing',"
                + "'ConsumeEnable':false}");
        JsonNode modified = api.ok("DescribeConsumerGroup", "{'InstanceId':'" + instance
                + "','ConsumerGroup':'billing'}");
        assertThat(modified.get("ConsumeEnable").asBoolean()).isFalse();
        assertThat(modified.get("MaxRetryTimes").asInt()).isEqualTo(3);

        api.ok("DeleteConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing'}");
        assertThat(api.error("DescribeConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing'}"))
                .isEqualTo("ResourceNotFound.Group");
        assertThat(api.error("DeleteConsumerGroup", "{'InstanceId':'" + instance + "','ConsumerGroup':'billing'}"))
                .isEqualTo("ResourceNotFound.Group");
    }

    @Test
    void rolesGetKeysOfTheirOwnThatSurviveAModification() {
        api.ok("CreateRole", "{'InstanceId':'" + instance + "','Role':'producer','Remark':'p','PermWrite':true,"
                + "'PermRead':false}");
        api.ok("CreateRole", "{'InstanceId':'" + instance + "','Role':'consumer','Remark':'c','PermWrite':false,"
                + "'PermRead':true}");
        assertThat(api.error("CreateRole", "{'InstanceId':'" + instance + "','Role':'producer','Remark':'p',"
                + "'PermWrite':true,'PermRead':true}")).isEqualTo("UnsupportedOperation.ResourceAlreadyExists");

        JsonNode roles = api.ok("DescribeRoleList", "{'InstanceId':'" + instance + "','Offset':0,'Limit':10}");
        assertThat(roles.get("TotalCount").asInt()).isEqualTo(2);
        JsonNode producer = roles.get("Data").get(0);
        JsonNode consumer = roles.get("Data").get(1);
        assertThat(producer.get("RoleName").asText()).isEqualTo("producer");
        assertThat(producer.get("PermWrite").asBoolean()).isTrue();
        assertThat(producer.get("AccessKey").asText()).isNotBlank().isNotEqualTo(consumer.get("AccessKey").asText());
        assertThat(producer.get("SecretKey").asText()).hasSize(44).isNotEqualTo(consumer.get("SecretKey").asText());

        api.ok("ModifyRole", "{'InstanceId':'" + instance + "','Role':'producer','PermRead':true,'PermWrite':true}");
        JsonNode modified = api.ok("DescribeRoleList", "{'InstanceId':'" + instance + "','Offset':0,'Limit':10,"
                + "'Filters':[{'Name':'RoleName','Values':['prod']}]}").get("Data");
        assertThat(modified).hasSize(1);
        assertThat(modified.get(0).get("PermRead").asBoolean()).isTrue();
        assertThat(modified.get(0).get("AccessKey")).isEqualTo(producer.get("AccessKey"));
        assertThat(modified.get(0).get("SecretKey")).isEqualTo(producer.get("SecretKey"));

        api.ok("DeleteRole", "{'InstanceId':'" + instance + "','Role':'producer'}");
        assertThat(api.error("ModifyRole", "{'InstanceId':'" + instance + "','Role':'producer','PermRead':true,"
                + "'PermWrite':true}")).isEqualTo("ResourceNotFound.Role");
        assertThat(api.error("DeleteRole", "{'InstanceId':'" + instance + "','Role':'producer'}"))
                .isEqualTo("ResourceNotFound.Role");
    }

    @Test
    void resetForgetsTheInstancesAndTheJavaApiNeedsARocketMq() {
        CLOUD.emulator().trocket().createInstance("rmq-known");
        api.ok("CreateTopic", "{'InstanceId':'rmq-known','Topic':'t','TopicType':'NORMAL','QueueNum':1}");
        assertThatThrownBy(() -> CLOUD.emulator().trocket().send("rmq-known", "t", null, new byte[0]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("startRocketMq");
        assertThatThrownBy(() -> CLOUD.emulator().trocket().send("rmq-known", "missing", null, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ResourceNotFound.Topic");
        assertThat(CLOUD.emulator().trocket().rocketMqAccessPoint()).isNull();

        CLOUD.emulator().reset();

        assertThat(api.error("DescribeInstance", "{'InstanceId':'rmq-known'}")).isEqualTo("ResourceNotFound.Instance");
        assertThat(api.ok("DescribeInstanceList", "{'Offset':0,'Limit':10}").get("TotalCount").asInt()).isZero();
    }

    @Test
    void mqttInstancesKeepTheirTopicsUsersAndEndpoints() {
        String mqtt = api.ok("CreateMQTTInstance", "{'InstanceType':'BASIC','Name':'devices','SkuCode':'basic_1k'}")
                .get("InstanceId").asText();
        assertThat(mqtt).matches("mqtt-[a-z0-9]{8}");
        String id = "{'InstanceId':'" + mqtt + "'";
        api.ok("CreateMQTTTopic", id + ",'Topic':'home','Remark':'r'}");
        assertThat(api.error("CreateMQTTTopic", id + ",'Topic':'home'}"))
                .isEqualTo("UnsupportedOperation.ResourceAlreadyExists");
        assertThat(api.ok("DescribeMQTTInstance", id + "}").get("TopicNum").asInt()).isEqualTo(1);
        assertThat(ids(api.ok("DescribeMQTTTopicList", id + "}"), "Topic")).containsExactly("home");
        api.ok("DeleteMQTTTopic", id + ",'Topic':'home'}");
        assertThat(api.error("DescribeMQTTTopic", id + ",'Topic':'home'}")).isEqualTo("ResourceNotFound.Topic");

        api.ok("CreateMQTTUser", id + ",'Username':'writer','Password':'w-pass','Remark':'w','PermWrite':true,"
                + "'PermRead':false}");
        api.ok("CreateMQTTUser", id + ",'Username':'reader','Remark':'r','PermWrite':false,'PermRead':true}");
        JsonNode users = api.ok("DescribeMQTTUserList", id + "}").get("Data");
        assertThat(users.get(0).get("Password").asText()).isEqualTo("w-pass");
        assertThat(users.get(1).get("Password").asText()).as("a password the cloud made").isNotBlank();
        api.ok("ModifyMQTTUser", id + ",'Username':'writer','PermRead':true,'PermWrite':true}");
        assertThat(api.ok("DescribeMQTTUserList", id + ",'Filters':[{'Name':'Username','Values':['writ']}]}")
                .get("Data").get(0).get("PermRead").asBoolean()).isTrue();
        api.ok("DeleteMQTTUser", id + ",'Username':'writer'}");
        assertThat(api.error("DeleteMQTTUser", id + ",'Username':'writer'}")).isEqualTo("ResourceNotFound.Role");

        // no MQTT broker behind the emulator: no endpoint; then the broker's address
        assertThat(api.ok("DescribeMQTTInsVPCEndpoints", id + "}").get("Endpoints")).isEmpty();
        CLOUD.emulator().trocket().useMqttBroker("127.0.0.1", 1883);
        JsonNode vpc = api.ok("DescribeMQTTInsVPCEndpoints", id + "}").get("Endpoints").get(0);
        assertThat(vpc.get("Type").asText()).isEqualTo("mqtt-tcp");
        assertThat(vpc.get("Url").asText()).isEqualTo("127.0.0.1:1883");
        assertThat(api.ok("DescribeMQTTInsPublicEndpoints", id + "}").get("Status").asText()).isEqualTo("CLOSE");
        api.ok("CreateMQTTInsPublicEndpoint", id + ",'Bandwidth':2,'Rules':[{'IpRule':'0.0.0.0/0','Allow':true,"
                + "'Remark':''}]}");
        JsonNode open = api.ok("DescribeMQTTInsPublicEndpoints", id + "}");
        assertThat(open.get("Status").asText()).isEqualTo("NORMAL");
        assertThat(open.get("Bandwidth").asInt()).isEqualTo(2);
        assertThat(open.get("Endpoints").get(0).get("Port").asInt()).isEqualTo(1883);
        api.ok("DeleteMQTTInsPublicEndpoint", id + "}");
        assertThat(api.error("DeleteMQTTInsPublicEndpoint", id + "}")).isEqualTo("FailedOperation");

        api.ok("DeleteMQTTInstance", id + "}");
        assertThat(api.error("DescribeMQTTInstance", id + "}")).isEqualTo("ResourceNotFound.Instance");
    }

    private static List<String> ids(JsonNode list, String field) {
        return java.util.stream.StreamSupport.stream(list.get("Data").spliterator(), false)
                .map(item -> item.get(field).asText()).toList();
    }
}
