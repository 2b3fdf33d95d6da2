package io.github.cameliot.emulator.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.http.ActionBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented action of the book, over HTTP: with a valid signature it succeeds (the example's parameters, their
 * product and devices made first where the action keeps state), and it is refused with the cloud's own code when the
 * signature, the key, the timestamp or the nonce is wrong.
 */
class AliyunIotActionSweepTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension(CloudEmulator.builder().enforceQuotas(false));

    static final ActionBook BOOK = ActionBook.load("aliyun-iot");
    /** The actions whose example names devices that must not exist yet. */
    static final Set<String> NEW_DEVICES = Set.of("RegisterDevice", "BatchCheckDeviceNames");

    RpcClient client;
    EmulatorCredentials keys;

    @BeforeEach
    void client() {
        keys = CLOUD.emulator().credentials();
        client = new RpcClient(CLOUD.emulator().aliyunIot().url(), keys.aliyunAccessKeyId(),
                keys.aliyunAccessKeySecret());
    }

    static List<String> actions() {
        return List.copyOf(BOOK.actions());
    }

    @Test
    void theBookHasEveryDocumentedAction() {
        assertThat(BOOK.actions()).hasSize(88);
        assertThat(BOOK.quota("PubBroadcast")).isEqualTo(1);
        assertThat(BOOK.required("CreateProductTags")).containsExactly("ProductKey", "ProductTag");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void succeedsSignedAndIsRefusedOtherwise(String action) {
        Map<String, String> own = prepare(action);

        RpcClient.Answer answer = client.call("GET", action, own);
        assertThat(answer.body().path("Code").isMissingNode()).as("%s answered %s", action, answer.body()).isTrue();
        assertThat(answer.success()).as("%s answered %s", action, answer.body()).isTrue();
        assertThat(answer.body().path("RequestId").asText()).isNotEmpty();

        TreeMap<String, String> wrongSecret = withOwn(client.common(action), own);
        assertRefused(client.send("POST", wrongSecret, "not-the-secret"), 400, "SignatureDoesNotMatch");

        RpcClient stranger = new RpcClient(CLOUD.emulator().aliyunIot().url(), "LTAIunknownKey", "any");
        assertRefused(stranger.call(action, own), 404, "InvalidAccessKeyId.NotFound");

        TreeMap<String, String> expired = withOwn(client.common(action), own);
        expired.put("Timestamp", Instant.now().minus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        assertRefused(client.send("POST", expired, client.secret()), 400, "InvalidTimeStamp.Expired");

        TreeMap<String, String> replayed = withOwn(client.common(action), own);
        client.send("GET", replayed, client.secret());
        assertRefused(client.sendSigned("GET", replayed), 400, "SignatureNonceUsed");
    }

    private static TreeMap<String, String> withOwn(TreeMap<String, String> common, Map<String, String> own) {
        common.putAll(own);
        return common;
    }

    private static void assertRefused(RpcClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().path("Message").asText()).isNotEmpty();
        assertThat(answer.body().has("HostId")).isTrue();
        assertThat(answer.body().has("Recommend")).isTrue();
    }

    /**
     * The example's wire parameters, with the example's product, devices and application ids replaced by ones made
     * in the emulator, so that the actions that keep state find what the example names.
     */
    private Map<String, String> prepare(String action) {
        JsonNode wire = BOOK.entry(action).get("wire");
        Map<String, String> own = new LinkedHashMap<>();
        wire.properties().forEach(field -> own.put(field.getKey(), field.getValue().asText()));
        RpcClient.Answer product = client.call("CreateProduct", Map.of("ProductName", "SweepProduct", "NodeType", "0"));
        String productKey = product.body().path("ProductKey").asText();
        Map<String, String> replacements = new LinkedHashMap<>();
        if (own.containsKey("ProductKey")) {
            replacements.put(own.get("ProductKey"), productKey);
        }
        if (own.containsKey("TopicFullName") && own.get("TopicFullName").startsWith("/broadcast/")) {
            own.put("TopicFullName", "/broadcast/" + productKey + "/sweep");
        }
        String iotId = null;
        if (!NEW_DEVICES.contains(action)) {
            for (Map.Entry<String, String> field : Map.copyOf(own).entrySet()) {
                if (field.getKey().equals("DeviceName") || field.getKey().matches("(Device|DeviceNicknameInfo)?"
                        + "\\.?\\d*\\.?DeviceName|DeviceName\\.\\d+")) {
                    String id = register(productKey, field.getValue());
                    iotId = iotId == null || field.getKey().equals("DeviceName") ? id : iotId;
                }
            }
            if (iotId == null) {
                iotId = register(productKey, "sweepDevice");
            }
        }
        if (own.containsKey("IotId") && iotId != null) {
            replacements.put(own.get("IotId"), iotId);
        }
        if (own.containsKey("ApplyId")) {
            RpcClient.Answer check = client.call("BatchCheckDeviceNames", Map.of("ProductKey", productKey,
                    "DeviceName.1", "sweepApplied1", "DeviceName.2", "sweepApplied2"));
            String applyId = check.body().path("Data").path("ApplyId").asText();
            if (!action.equals("BatchRegisterDeviceWithApplyId")) {
                client.call("BatchRegisterDeviceWithApplyId", Map.of("ProductKey", productKey, "ApplyId", applyId));
            }
            replacements.put(own.get("ApplyId"), applyId);
        }
        own.replaceAll((name, value) -> {
            String replaced = value;
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                replaced = replaced.replace(replacement.getKey(), replacement.getValue());
            }
            return replaced;
        });
        return own;
    }

    /** Registers a device, connected and answering RRpc; answers its IotId. */
    private String register(String productKey, String deviceName) {
        RpcClient.Answer registered = client.call("RegisterDevice", Map.of("ProductKey", productKey,
                "DeviceName", deviceName));
        assertThat(registered.success()).as("registered %s: %s", deviceName, registered.body()).isTrue();
        CLOUD.emulator().aliyunIot().device(productKey, deviceName).onRrpc(request -> request).connect();
        return registered.body().path("Data").path("IotId").asText();
    }
}
