package io.github.cameliot.emulator.tencent.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.tencent.Tc3Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action of the IoT Hub book, called over HTTP with its documented example request: answered with success
 * when signed right (in an account that holds what the example names), and refused with Tencent Cloud's own codes
 * when the signature, the timestamp or the key is wrong.
 */
class IotHubActionSweepTest {

    /** The quotas are not under test here: the seeding calls the rule actions dozens of times a second. */
    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension(CloudEmulator.builder().enforceQuotas(false));

    static final ActionBook BOOK = ActionBook.load("iotcloud");

    Tc3Calls api;
    IotHubEmulator iotHub;
    EmulatorCredentials keys;

    static Set<String> actions() {
        return BOOK.actions();
    }

    @BeforeEach
    void client() {
        iotHub = CLOUD.emulator().iotHub();
        keys = CLOUD.emulator().credentials();
        api = new Tc3Calls(iotHub.url(), "iotcloud", "2021-04-08", keys.tencentSecretId(), keys.tencentSecretKey());
    }

    @Test
    void theBookHasTheThirtyNineDocumentedActions() {
        assertThat(BOOK.actions()).hasSize(39);
        for (String action : BOOK.actions()) {
            assertThat(BOOK.quota(action)).as("quota of %s", action).isPositive();
            assertThat(BOOK.exampleResponse(action).path("Response").has("RequestId")).as(action).isTrue();
        }
        assertThat(BOOK.quota("UpdateDeviceShadow")).isEqualTo(100);
        assertThat(BOOK.quota("PublishMessage")).isEqualTo(300);
        assertThat(BOOK.required("BindDevices")).containsExactly("GatewayProductId", "GatewayDeviceName", "ProductId",
                "DeviceNames");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void theDocumentedExampleSucceedsWhenSignedRight(String action) throws Exception {
        ObjectNode request = BOOK.exampleRequest(action);
        seedWhatTheExampleNames(action, request);

        JsonNode response = api.call(action, request);

        assertThat(response.path("Error").isMissingNode()).as("%s answered %s", action, response).isTrue();
        assertThat(response.path("RequestId").asText()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void aWrongSignatureIsRefused(String action) throws Exception {
        JsonNode response = Tc3Calls.response(api.send(action, BOOK.exampleRequest(action),
                keys.tencentSecretId(), "not-" + keys.tencentSecretKey(), now()));

        assertThat(response.path("Error").path("Code").asText()).isEqualTo("AuthFailure.SignatureFailure");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void aTimestampTenMinutesOldIsRefused(String action) throws Exception {
        JsonNode response = Tc3Calls.response(api.send(action, BOOK.exampleRequest(action),
                keys.tencentSecretId(), keys.tencentSecretKey(), now() - 600));

        assertThat(response.path("Error").path("Code").asText()).isEqualTo("AuthFailure.SignatureExpire");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void anUnknownKeyIsRefused(String action) throws Exception {
        JsonNode response = Tc3Calls.response(api.send(action, BOOK.exampleRequest(action),
                "AKIDunknownKey", keys.tencentSecretKey(), now()));

        assertThat(response.path("Error").path("Code").asText()).isEqualTo("AuthFailure.SecretIdNotFound");
    }

    @Test
    void anActionOutsideTheBookIsInvalidAndAMissingParameterIsNamed() throws Exception {
        assertThat(api.error("DescribeFirmwareTasks", Map.of())).isEqualTo("InvalidAction");
        assertThat(api.error("DescribeDevice", Map.of("ProductId", "ABCDE12345"))).isEqualTo("MissingParameter");
        assertThat(api.error("BindDevices", Map.of("GatewayProductId", "G", "GatewayDeviceName", "g",
                "ProductId", "P", "DeviceNames", new String[0]))).isEqualTo("MissingParameter");
    }

    /**
     * Creates what the example request names (the products ABCDE12345 and others, the devices abc, test0, ...,
     * the rules test and testrulename), except what the example itself creates or requires to be absent.
     */
    private void seedWhatTheExampleNames(String action, ObjectNode request) throws Exception {
        iotHub.createProduct("ABCDE12345", "Test_1", null);
        if (action.equals("DeleteProduct")) {
            return; // a product with devices cannot be deleted
        }
        iotHub.createProduct("12345ABCDE", "gateway", "{\"ProductType\":5}");
        iotHub.createProduct("SB9OJFCJ1C", "sb", null);
        iotHub.createProduct("RL0BAZKZ6V", "rl", null);
        iotHub.createProduct("ASBHKN121", "as", null);
        iotHub.createProduct("productID1", "p1", null);
        iotHub.createProduct("productID2", "p2", null);
        for (String name : new String[] { "abc", "test0", "test1", "test_device1" }) {
            iotHub.createDevice("ABCDE12345", name);
        }
        if (!action.equals("CreateDevice")) {
            iotHub.createDevice("ABCDE12345", "test_device");
        }
        iotHub.createDevice("12345ABCDE", "test");
        iotHub.createDevice("SB9OJFCJ1C", "test123");
        iotHub.createDevice("RL0BAZKZ6V", "dev1").connect();
        iotHub.createDevice("ASBHKN121", "dev").onRrpc(message -> "ABCD".getBytes(StandardCharsets.UTF_8)).connect();
        iotHub.device("ABCDE12345", "abc").reportShadow("{\"color\":\"blue\"}"); // version 1, as the example expects
        api.ok("BindDevices", Map.of("GatewayProductId", "12345ABCDE", "GatewayDeviceName", "test",
                "ProductId", "ABCDE12345", "DeviceNames", new String[] { "test0", "test1" }));
        if (action.equals("UpdateTopicPolicy")) {
            api.ok("CreateTopicPolicy", Map.of("ProductId", "ABCDE12345", "TopicName", "abc", "Privilege", 1));
        }
        String forward = "[{\"forward\":{\"api\":\"http://127.0.0.1:9/unused\",\"token\":\"t\"}}]";
        String sql = Base64.getEncoder().encodeToString("SELECT * FROM 'ABCDE12345/+/event'".getBytes(StandardCharsets.UTF_8));
        api.ok("CreateTopicRule", Map.of("RuleName", "test", "TopicRulePayload",
                Map.of("Sql", sql, "Actions", forward, "RuleDisabled", action.equals("EnableTopicRule"))));
        if (!action.equals("CreateTopicRule")) {
            api.ok("CreateTopicRule", Map.of("RuleName", "testrulename", "TopicRulePayload",
                    Map.of("Sql", sql, "Actions", forward)));
        }
        if (action.equals("UpdateOtaTaskStatus")) {
            FirmwareTask task = iotHub.startFirmwareTask("ABCDE12345", "1.0.1", "abc");
            request.put("TaskId", task.id());
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
