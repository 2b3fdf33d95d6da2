package io.github.cameliot.emulator.tencent.trocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.http.ActionBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented trocket action, called over HTTP with its documented example request: answered when signed with
 * the account's key, and refused with Tencent's own codes when the signature, the timestamp or the key is wrong.
 */
class TrocketApiSweepTest {

    /** The actions creating what the others need: the sweep creates it first for the others. */
    private static final Set<String> CREATES = Set.of("CreateInstance", "CreateTopic", "CreateConsumerGroup",
            "CreateRole", "CreateMQTTInstance", "CreateMQTTTopic", "CreateMQTTUser", "CreateMQTTInsPublicEndpoint");
    /** The actions without state of their own: they answer the documented example. */
    private static final Set<String> EXAMPLES_ONLY = Set.of("ImportSourceClusterConsumerGroups",
            "ImportSourceClusterTopics", "DescribeMQTTProductSKUList", "ModifyMQTTInstanceCertBinding",
            "DescribeMQTTInstanceCert", "DescribeMQTTMessageList", "DescribeMQTTMessage", "DescribeMQTTClient");

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD =
            new CloudEmulatorExtension(CloudEmulator.builder().enforceQuotas(false));

    static final ActionBook BOOK = ActionBook.load("trocket");

    static List<String> actions() {
        return List.copyOf(BOOK.actions());
    }

    @Test
    void theBookHasEveryDocumentedActionWithItsQuota() {
        assertThat(BOOK.actions()).hasSize(46).doesNotContain("DescribeTopicStatsOp");
        assertThat(BOOK.quota("CreateTopic")).isEqualTo(20);
        assertThat(BOOK.quota("DescribeConsumerGroupList")).isEqualTo(10000);
        assertThat(BOOK.required("DescribeRoleList")).containsExactly("InstanceId", "Offset", "Limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void answersTheExampleRequestSignedWithTheAccountsKey(String action) {
        TrocketClient client = client(keys().tencentSecretId(), keys().tencentSecretKey());
        ObjectNode request = BOOK.exampleRequest(action);
        prepare(client, action, request);

        JsonNode response = client.call(action, request);

        assertThat(response.get("Error")).as("%s answered %s", action, response).isNull();
        assertThat(response.path("RequestId").asText()).isNotEmpty();
        if (!stateful(action)) {
            ObjectNode example = (ObjectNode) BOOK.exampleResponse(action).get("Response");
            example.remove("RequestId");
            ObjectNode answer = response.deepCopy();
            answer.remove("RequestId");
            assertThat(answer).as("the documented answer of %s", action).isEqualTo(example);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void refusesAWrongSignature(String action) {
        TrocketClient client = client(keys().tencentSecretId(), keys().tencentSecretKey() + "x");
        assertThat(code(client.call(action, BOOK.exampleRequest(action)))).isEqualTo("AuthFailure.SignatureFailure");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void refusesATimestampOlderThanFiveMinutes(String action) {
        TrocketClient client = client(keys().tencentSecretId(), keys().tencentSecretKey());
        long sixMinutesAgo = System.currentTimeMillis() / 1000 - 360;
        assertThat(code(client.call(action, BOOK.exampleRequest(action), sixMinutesAgo)))
                .isEqualTo("AuthFailure.SignatureExpire");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void refusesAnUnknownSecretId(String action) {
        TrocketClient client = client("AKIDunknown00000000000000000000000000", keys().tencentSecretKey());
        assertThat(code(client.call(action, BOOK.exampleRequest(action)))).isEqualTo("AuthFailure.SecretIdNotFound");
    }

    /**
     * Creates the instance, topic, group, role, user or public endpoint the example names, unless the action is the
     * one creating it.
     */
    private static void prepare(TrocketClient client, String action, ObjectNode request) {
        if (!stateful(action)) {
            return;
        }
        boolean mqtt = action.contains("MQTT");
        String instanceId = request.path("InstanceId").asText();
        if (!instanceId.isEmpty() && mqtt) {
            CLOUD.emulator().trocket().createMqttInstance(instanceId);
        } else if (!instanceId.isEmpty()) {
            CLOUD.emulator().trocket().createInstance(instanceId);
        }
        String instance = "{'InstanceId':'" + instanceId + "',";
        String topic = request.path("Topic").asText();
        if (!topic.isEmpty() && !CREATES.contains(action)) {
            client.ok(mqtt ? "CreateMQTTTopic" : "CreateTopic", instance + "'Topic':'" + topic + "'"
                    + (mqtt ? "}" : ",'TopicType':'NORMAL','QueueNum':1}"));
        }
        String group = request.path("ConsumerGroup").asText();
        if (!group.isEmpty() && !CREATES.contains(action)) {
            client.ok("CreateConsumerGroup", instance + "'ConsumerGroup':'" + group
                    + "','MaxRetryTimes':16,'ConsumeEnable':true,'ConsumeMessageOrderly':false}");
        }
        String role = request.path("Role").asText();
        if (!role.isEmpty() && !CREATES.contains(action)) {
            client.ok("CreateRole", instance + "'Role':'" + role
                    + "','Remark':'seeded','PermWrite':true,'PermRead':true}");
        }
        String user = request.path("Username").asText();
        if (!user.isEmpty() && !CREATES.contains(action)) {
            client.ok("CreateMQTTUser", instance + "'Username':'" + user
                    + "','Remark':'seeded','PermWrite':true,'PermRead':true}");
        }
        if (action.equals("ModifyMQTTInsPublicEndpoint") || action.equals("DeleteMQTTInsPublicEndpoint")) {
            client.ok("CreateMQTTInsPublicEndpoint", instance + "'Bandwidth':1}");
        }
    }

    /** The actions that keep state; the others answer their documented examples. */
    private static boolean stateful(String action) {
        return !EXAMPLES_ONLY.contains(action);
    }

    private static String code(JsonNode response) {
        return response.path("Error").path("Code").asText();
    }

    private static EmulatorCredentials keys() {
        return CLOUD.emulator().credentials();
    }

    private static TrocketClient client(String secretId, String secretKey) {
        return new TrocketClient(CLOUD.emulator().trocket().url(), secretId, secretKey);
    }
}
