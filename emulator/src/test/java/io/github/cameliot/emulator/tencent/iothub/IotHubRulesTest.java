package io.github.cameliot.emulator.tencent.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.tencent.Tc3Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Topic rules select what devices publish and carry it to forward URLs, device topics and RocketMQ. */
class IotHubRulesTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    IotHubEmulator iotHub;
    Tc3Calls api;
    String productId;

    @BeforeEach
    void product() throws Exception {
        iotHub = CLOUD.emulator().iotHub();
        iotHub.rocketMqTarget(null);
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        api = new Tc3Calls(iotHub.url(), "iotcloud", "2021-04-08", keys.tencentSecretId(), keys.tencentSecretKey());
        productId = iotHub.createProduct("METERS0001", "meters", null);
    }

    @Test
    void aForwardRulePostsTheSelectedFieldsSignedWithItsToken() throws Exception {
        try (ForwardReceiver receiver = new ForwardReceiver("s3cret", 0)) {
            createRule("hot", "SELECT temperature, topic() AS topic FROM '" + productId + "/+/event' WHERE temperature > 30",
                    "[{\"forward\":{\"api\":\"" + receiver.url() + "\",\"token\":\"s3cret\"}}]");
            SimulatedDevice device = iotHub.createDevice(productId, "dev1").connect();

            assertThat(device.publish(device.topic("event"), "{\"temperature\":25,\"humidity\":40}")).isZero();
            assertThat(device.publish(device.topic("data"), "{\"temperature\":45}")).as("another topic").isZero();
            assertThat(device.publish(device.topic("event"), "{\"temperature\":35,\"humidity\":40}")).isEqualTo(1);

            ForwardReceiver.Received forwarded = receiver.next();
            assertThat(forwarded.signedWithToken()).isTrue();
            assertThat(Tc3Calls.MAPPER.readTree(forwarded.body())).isEqualTo(Tc3Calls.MAPPER.readTree(
                    "{\"temperature\":35,\"topic\":\"" + productId + "/dev1/event\"}"));
            assertThat(Long.parseLong(forwarded.timestamp()) * 1000).isCloseTo(System.currentTimeMillis(),
                    org.assertj.core.data.Offset.offset(300_000L));
        }
    }

    @Test
    void aFailedForwardIsTriedAgain() throws Exception {
        try (ForwardReceiver receiver = new ForwardReceiver("t", 1)) {
            createRule("all", "SELECT * FROM '" + productId + "/#'",
                    "[{\"forward\":{\"api\":\"" + receiver.url() + "\",\"token\":\"t\"}}]");
            SimulatedDevice device = iotHub.createDevice(productId, "dev1").connect();

            device.publish(device.topic("event"), "{\"n\":1}");

            assertThat(receiver.next().body()).isEqualTo("{\"n\":1}");
            assertThat(receiver.next().body()).as("the second attempt").isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void aTdmqRuleSendsToTheRocketMqTargetAndNeedsOne() throws Exception {
        String tdmq = "[{\"tdmq\":{\"instance\":{\"id\":\"rmq-1\"},\"topic\":{\"name\":\"telemetry\"},\"tag\":\"t1\",\"region\":\"gz\"}}]";
        assertThat(api.error("CreateTopicRule", rule("mq", "SELECT * FROM '" + productId + "/+/event'", tdmq)))
                .isEqualTo("OperationDenied.GetTDMQProInternalEndpointFail");
        List<String> sent = new CopyOnWriteArrayList<>();
        iotHub.rocketMqTarget((instance, topic, tag, body) ->
                sent.add(instance + " " + topic + " " + tag + " " + new String(body, StandardCharsets.UTF_8)));
        createRule("mq", "SELECT deviceName() AS device, v FROM '" + productId + "/+/event'", tdmq);
        SimulatedDevice device = iotHub.createDevice(productId, "dev1").connect();

        device.publish(device.topic("event"), "{\"v\":7}");

        assertThat(sent).containsExactly("rmq-1 telemetry t1 {\"device\":\"dev1\",\"v\":7}");
    }

    @Test
    void aRepublishRuleReachesAnotherDeviceAndADisabledRuleDoesNothing() throws Exception {
        SimulatedDevice source = iotHub.createDevice(productId, "source").connect();
        SimulatedDevice target = iotHub.createDevice(productId, "target").connect();
        createRule("relay", "SELECT * FROM '" + productId + "/source/event' WHERE kind = 'alarm'",
                "[{\"republish\":{\"topic\":\"" + productId + "/target/control\"}}]");

        source.publish(source.topic("event"), "{\"kind\":\"info\"}");
        source.publish(source.topic("event"), "{\"kind\":\"alarm\"}");
        api.ok("DisableTopicRule", Map.of("RuleName", "relay"));
        source.publish(source.topic("event"), "{\"kind\":\"alarm\",\"late\":true}");

        assertThat(target.received()).extracting(DeviceMessage::text).containsExactly("{\"kind\":\"alarm\"}");
        assertThat(target.received().get(0).topic()).isEqualTo(productId + "/target/control");
    }

    @Test
    void ruleLifecycleErrorsAreTheDocumentedOnes() throws Exception {
        String noActions = "[]";
        assertThat(api.error("CreateTopicRule", rule("r", "SELECT * FROM '" + productId + "/+/event'", noActions)))
                .isEqualTo("InvalidParameterValue.ActionNil");
        assertThat(api.error("CreateTopicRule", rule("r", "SELEKT * FROM x", "[]")))
                .isEqualTo("InvalidParameterValue.InvalidSQL");
        Map<String, Object> disabled = Map.of("RuleName", "r", "TopicRulePayload", Map.of(
                "Sql", base64("SELECT * FROM '" + productId + "/+/event'"), "Actions", noActions, "RuleDisabled", true));
        api.ok("CreateTopicRule", disabled);
        assertThat(api.error("CreateTopicRule", disabled)).isEqualTo("InvalidParameterValue.TopicRuleAlreadyExist");
        assertThat(api.error("EnableTopicRule", Map.of("RuleName", "r"))).isEqualTo("InvalidParameterValue.ActionNil");
        assertThat(api.error("DisableTopicRule", Map.of("RuleName", "r"))).isEqualTo("FailedOperation.RuleAlreadyDisabled");
        api.ok("ReplaceTopicRule", Map.of("RuleName", "r", "TopicRulePayload", Map.of(
                "Sql", base64("SELECT * FROM '" + productId + "/+/event'"), "RuleDisabled", true,
                "Actions", "[{\"republish\":{\"topic\":\"" + productId + "/x/control\"}}]")));
        api.ok("EnableTopicRule", Map.of("RuleName", "r"));
        assertThat(api.error("EnableTopicRule", Map.of("RuleName", "r"))).isEqualTo("FailedOperation.RuleAlreadyEnabled");
        api.ok("DeleteTopicRule", Map.of("RuleName", "r"));
        assertThat(api.error("DeleteTopicRule", Map.of("RuleName", "r"))).isEqualTo("ResourceNotFound.TopicRuleNotExist");
    }

    @Test
    void aFleetPublishesTelemetryPeriodically() throws Exception {
        CountDownLatch sixMessages = new CountDownLatch(6);
        iotHub.rocketMqTarget((instance, topic, tag, body) -> sixMessages.countDown());
        createRule("fleet", "SELECT * FROM '" + productId + "/+/event'",
                "[{\"tdmq\":{\"instance\":{\"id\":\"rmq-1\"},\"topic\":{\"name\":\"telemetry\"}}}]");

        try (Fleet fleet = iotHub.fleet(productId, 3)) {
            assertThat(fleet.devices()).extracting(SimulatedDevice::deviceName)
                    .containsExactly("device-1", "device-2", "device-3");
            fleet.publishEvery(Duration.ofMillis(50), device -> "{\"device\":\"" + device.deviceName() + "\"}");

            assertThat(sixMessages.await(10, TimeUnit.SECONDS)).as("two rounds of three devices").isTrue();
        }
        JsonNode listed = api.ok("DescribeDevices", Map.of("ProductId", productId, "Offset", 0, "Limit", 10));
        assertThat(listed.path("Devices")).allSatisfy(device -> assertThat(device.path("Online").asInt()).isEqualTo(1));
    }

    private void createRule(String name, String sql, String actions) throws Exception {
        api.ok("CreateTopicRule", rule(name, sql, actions));
    }

    private static Map<String, Object> rule(String name, String sql, String actions) {
        return Map.of("RuleName", name, "TopicRulePayload", Map.of("Sql", base64(sql), "Actions", actions,
                "RuleDisabled", false));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
