package io.github.cameliot.emulator.tencent.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.tencent.Tc3Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Products, devices, shadows, messages and firmware tasks keep IoT Hub's semantics, called over signed HTTP. */
class IotHubDevicesTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    IotHubEmulator iotHub;
    Tc3Calls api;
    String productId;

    @BeforeEach
    void product() throws Exception {
        iotHub = CLOUD.emulator().iotHub();
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        api = new Tc3Calls(iotHub.url(), "iotcloud", "2021-04-08", keys.tencentSecretId(), keys.tencentSecretKey());
        productId = api.ok("CreateProduct", Map.of("ProductName", "meters")).path("ProductId").asText();
    }

    @Test
    void createProductGeneratesAnIdAndRefusesADuplicateName() throws Exception {
        assertThat(productId).matches("[A-Z0-9]{10}");
        JsonNode product = api.ok("DescribeProduct", Map.of("ProductId", productId));
        assertThat(product.path("ProductName").asText()).isEqualTo("meters");
        assertThat(api.error("CreateProduct", Map.of("ProductName", "meters")))
                .isEqualTo("InvalidParameterValue.ProductAlreadyExist");
        assertThat(api.ok("DescribeProducts", Map.of("Offset", 0, "Limit", 10)).path("TotalCount").asInt())
                .isEqualTo(1);
        assertThat(api.error("DescribeProduct", Map.of("ProductId", "NOPRODUCT1")))
                .isEqualTo("ResourceNotFound.ProductNotExist");
    }

    @Test
    void createDeviceGeneratesARandomBase64KeyThatDescribeDeviceShows() throws Exception {
        JsonNode first = api.ok("CreateDevice", Map.of("ProductId", productId, "DeviceName", "dev1"));
        JsonNode second = api.ok("CreateDevice", Map.of("ProductId", productId, "DeviceName", "dev2"));

        String psk = first.path("DevicePsk").asText();
        assertThat(Base64.getDecoder().decode(psk)).hasSize(16);
        assertThat(second.path("DevicePsk").asText()).isNotEqualTo(psk);
        JsonNode described = api.ok("DescribeDevice", Map.of("ProductId", productId, "DeviceName", "dev1"));
        assertThat(described.path("DevicePsk").asText()).isEqualTo(psk);
        assertThat(described.path("EnableState").asInt()).isEqualTo(1);
        assertThat(described.path("Online").asInt()).as("never connected").isEqualTo(3);
        assertThat(iotHub.device(productId, "dev1").psk()).isEqualTo(psk);

        assertThat(api.error("CreateDevice", Map.of("ProductId", productId, "DeviceName", "dev1")))
                .isEqualTo("InvalidParameterValue.DeviceAlreadyExist");
        assertThat(api.error("CreateDevice", Map.of("ProductId", "NOPRODUCT1", "DeviceName", "dev1")))
                .isEqualTo("ResourceNotFound.ProductNotExist");
        assertThat(api.error("DeleteProduct", Map.of("ProductId", productId)))
                .isEqualTo("UnauthorizedOperation.DevicesExistUnderProduct");
        api.ok("DeleteDevice", Map.of("ProductId", productId, "DeviceName", "dev2"));
        assertThat(api.error("DescribeDevice", Map.of("ProductId", productId, "DeviceName", "dev2")))
                .isEqualTo("ResourceNotFound.DeviceNotExist");
    }

    @Test
    void devicesGoOnlineAndADisabledDeviceIsDisconnectedAndRefused() throws Exception {
        SimulatedDevice device = iotHub.createDevice(productId, "dev1").connect();
        iotHub.createDevice(productId, "dev2");
        assertThat(online("dev1")).isEqualTo(1);

        api.ok("UpdateDeviceAvailableState", Map.of("ProductId", productId, "DeviceName", "dev1", "EnableState", 0));

        JsonNode disabled = api.ok("DescribeDevice", Map.of("ProductId", productId, "DeviceName", "dev1"));
        assertThat(disabled.path("EnableState").asInt()).isZero();
        assertThat(disabled.path("Online").asInt()).as("the broker closed its connection").isZero();
        assertThatThrownBy(device::connect).isInstanceOf(IllegalStateException.class);
        assertThat(api.error("PublishMessage", Map.of("ProductId", productId, "DeviceName", "dev1",
                "Topic", productId + "/dev1/control", "Payload", "x"))).isEqualTo("FailedOperation.DeviceAlreadyDisabled");
        JsonNode listed = api.ok("DescribeDevices", Map.of("ProductId", productId, "Offset", 0, "Limit", 10,
                "EnableState", 0));
        assertThat(listed.path("TotalCount").asInt()).isEqualTo(1);
        assertThat(listed.path("Devices").get(0).path("DeviceName").asText()).isEqualTo("dev1");

        api.ok("UpdateDevicesEnableState", Map.of("ProductId", productId, "DeviceNames", List.of("dev1"), "Status", 1));
        device.connect();
        assertThat(online("dev1")).isEqualTo(1);
        device.disconnect();
        assertThat(online("dev1")).isZero();

        device.connect();
        JsonNode reset = api.ok("ResetDeviceState", Map.of("ProductId", productId,
                "DeviceNames", List.of("dev1", "ghost")));
        assertThat(reset.path("SuccessCount").asInt()).isEqualTo(1);
        assertThat(online("dev1")).isZero();
    }

    @Test
    void theShadowVersionIsAnOptimisticLock() throws Exception {
        SimulatedDevice device = iotHub.createDevice(productId, "dev1").connect();
        assertThat(shadowVersion(api.ok("DescribeDeviceShadow", device(device)))).isZero();

        JsonNode updated = api.ok("UpdateDeviceShadow", Map.of("ProductId", productId, "DeviceName", "dev1",
                "State", "{\"desired\":{\"color\":\"red\"}}", "ShadowVersion", 0));
        assertThat(shadowVersion(updated)).isEqualTo(1);
        assertThat(api.error("UpdateDeviceShadow", Map.of("ProductId", productId, "DeviceName", "dev1",
                "State", "{\"desired\":{\"color\":\"blue\"}}", "ShadowVersion", 0)))
                .isEqualTo("FailedOperation.UpdateVersionNotMatch");
        assertThat(api.error("UpdateDeviceShadow", Map.of("ProductId", productId, "DeviceName", "dev1",
                "State", "{\"reported\":{\"color\":\"blue\"}}", "ShadowVersion", 1)))
                .isEqualTo("InvalidParameterValue.InvalidJSON");

        DeviceMessage delta = device.received().get(0);
        assertThat(delta.topic()).isEqualTo("$shadow/operation/result/" + productId + "/dev1");
        assertThat(Tc3Calls.MAPPER.readTree(delta.payload()).path("payload").path("state").path("color").asText())
                .isEqualTo("red");

        assertThat(device.reportShadow("{\"color\":\"red\"}")).isEqualTo(2);
        JsonNode shadow = data(api.ok("DescribeDeviceShadow", device(device)));
        assertThat(shadow.path("payload").path("state").path("reported").path("color").asText()).isEqualTo("red");
        assertThat(shadow.path("payload").path("state").path("desired").path("color").asText()).isEqualTo("red");
        assertThat(shadow.path("payload").path("version").asLong()).isEqualTo(2);

        api.ok("DeleteDeviceShadow", device(device));
        assertThat(api.error("DescribeDeviceShadow", device(device))).isEqualTo("ResourceNotFound.DeviceShadowNotExist");
        assertThat(api.error("DescribeDeviceShadow", Map.of("ProductId", productId, "DeviceName", "ghost")))
                .isEqualTo("ResourceNotFound.ProductOrDeviceNotExist");
    }

    @Test
    void publishedMessagesReachTheDeviceInOrderAndQos1WaitsForAnOfflineDevice() throws Exception {
        SimulatedDevice device = iotHub.createDevice(productId, "dev1");
        List<String> heard = new CopyOnWriteArrayList<>();
        device.onMessage(message -> heard.add(message.text()));
        assertThat(api.error("PublishMessage", publish("dev1", "control", "first", 0)))
                .isEqualTo("FailedOperation.DeviceOffline");
        assertThat(api.error("PublishMessage", publish("dev1", "control", "kept", 1)))
                .isEqualTo("LimitExceeded.MessageSaved");

        device.connect();
        api.ok("PublishMessage", publish("dev1", "control", "second", 0));
        Map<String, Object> binary = new java.util.HashMap<>(publish("dev1", "control",
                Base64.getEncoder().encodeToString("third".getBytes(StandardCharsets.UTF_8)), 1));
        binary.put("PayloadEncoding", "base64");
        api.ok("PublishMessage", binary);

        assertThat(device.received()).extracting(DeviceMessage::text).containsExactly("kept", "second", "third");
        assertThat(device.received().get(1).topic()).isEqualTo(productId + "/dev1/control");
        assertThat(heard).containsExactly("kept", "second", "third");
        assertThat(api.error("PublishMessage", Map.of("ProductId", productId, "DeviceName", "dev1",
                "Topic", productId + "/other/control", "Payload", "x"))).isEqualTo("FailedOperation.InvalidTopicName");
    }

    @Test
    void rrpcIsAnsweredByTheDevice() throws Exception {
        SimulatedDevice device = iotHub.createDevice(productId, "dev1").connect();
        Map<String, Object> request = Map.of("ProductId", productId, "DeviceName", "dev1", "Payload", "ping");
        assertThat(api.error("PublishRRPCMessage", request)).isEqualTo("FailedOperation.DeviceNoSubscription");

        device.onRrpc(message -> ("pong to " + message.text()).getBytes(StandardCharsets.UTF_8));
        JsonNode answer = api.ok("PublishRRPCMessage", request);

        assertThat(new String(Base64.getDecoder().decode(answer.path("PayloadBase64").asText()), StandardCharsets.UTF_8))
                .isEqualTo("pong to ping");
        assertThat(answer.path("MessageId").asLong()).isPositive();
        device.onRrpc(message -> null);
        assertThat(api.error("PublishRRPCMessage", request)).isEqualTo("FailedOperation.RRPCTimeout");
    }

    @Test
    void aFirmwareTaskProgressesAsTheDevicesReport() throws Exception {
        SimulatedDevice online = iotHub.createDevice(productId, "dev1").connect();
        SimulatedDevice offline = iotHub.createDevice(productId, "dev2");
        FirmwareTask task = iotHub.startFirmwareTask(productId, "2.0.0", "dev1", "dev2");
        assertThat(task.status()).isEqualTo(FirmwareTask.Status.WAITING);
        assertThat(online.received()).extracting(DeviceMessage::topic).containsExactly("$ota/update/" + productId + "/dev1");
        assertThat(offline.received()).isEmpty();

        assertThat(online.reportUpgrade(task.id(), "downloading", 30)).isTrue();
        assertThat(task.status()).isEqualTo(FirmwareTask.Status.UPGRADING);
        assertThat(api.error("DeleteDevice", Map.of("ProductId", productId, "DeviceName", "dev1")))
                .isEqualTo("UnsupportedOperation.DeviceOtaTaskInProgress");
        online.reportUpgrade(task.id(), "done", 100);
        offline.connect();
        assertThat(offline.received()).extracting(DeviceMessage::topic).containsExactly("$ota/update/" + productId + "/dev2");
        offline.reportUpgrade(task.id(), "done", 100);

        assertThat(task.status()).isEqualTo(FirmwareTask.Status.SUCCEEDED);
        assertThat(api.ok("DescribeDevice", device(online)).path("Version").asText()).isEqualTo("2.0.0");
        assertThat(api.error("UpdateOtaTaskStatus", Map.of("ProductId", productId, "TaskId", task.id(), "Status", 6)))
                .isEqualTo("FailedOperation.DeviceFirmwareTaskAlreadDone");

        FirmwareTask next = iotHub.startFirmwareTask(productId, "2.1.0", "dev1");
        api.ok("UpdateOtaTaskStatus", Map.of("ProductId", productId, "TaskId", next.id(), "Status", 6));
        assertThat(next.status()).isEqualTo(FirmwareTask.Status.CANCELLED);
        assertThat(online.reportUpgrade(next.id(), "downloading", 10)).isFalse();
        assertThat(api.error("UpdateOtaTaskStatus", Map.of("ProductId", productId, "TaskId", 1, "Status", 6)))
                .isEqualTo("ResourceNotFound.FirmwareTaskNotExist");
    }

    @Test
    void gatewaysBindSubDevices() throws Exception {
        String gatewayProduct = iotHub.createProduct("GATEWAY001", "gateways", "{\"ProductType\":5}");
        iotHub.createDevice(gatewayProduct, "gw");
        iotHub.createDevice(productId, "dev1");
        Map<String, Object> bind = Map.of("GatewayProductId", gatewayProduct, "GatewayDeviceName", "gw",
                "ProductId", productId, "DeviceNames", List.of("dev1"));
        assertThat(api.error("BindDevices", Map.of("GatewayProductId", productId, "GatewayDeviceName", "dev1",
                "ProductId", productId, "DeviceNames", List.of("dev1")))).isEqualTo("InvalidParameterValue.DeviceIsNotGateway");

        api.ok("BindDevices", bind);

        JsonNode bound = api.ok("DescribeGatewayBindDevices", Map.of("GatewayProductId", gatewayProduct,
                "GatewayDeviceName", "gw", "Offset", 0, "Limit", 10));
        assertThat(bound.path("TotalCount").asInt()).isEqualTo(1);
        assertThat(bound.path("Devices").get(0).path("DeviceName").asText()).isEqualTo("dev1");
        assertThat(api.error("DeleteDevice", Map.of("ProductId", productId, "DeviceName", "dev1")))
                .isEqualTo("UnauthorizedOperation.DeviceHasAlreadyBindGateway");
        assertThat(api.error("DeleteDevice", Map.of("ProductId", gatewayProduct, "DeviceName", "gw")))
                .isEqualTo("UnauthorizedOperation.GatewayHasBindedDevices");
        api.ok("UnbindDevices", bind);
        api.ok("DeleteDevice", Map.of("ProductId", productId, "DeviceName", "dev1"));
    }

    private Map<String, Object> publish(String deviceName, String topic, String payload, int qos) {
        return Map.of("ProductId", productId, "DeviceName", deviceName, "Topic", productId + "/" + deviceName + "/" + topic,
                "Payload", payload, "Qos", qos);
    }

    private int online(String deviceName) throws Exception {
        return api.ok("DescribeDevice", Map.of("ProductId", productId, "DeviceName", deviceName)).path("Online").asInt();
    }

    private static Map<String, Object> device(SimulatedDevice device) {
        return Map.of("ProductId", device.productId(), "DeviceName", device.deviceName());
    }

    private static JsonNode data(JsonNode response) throws Exception {
        return Tc3Calls.MAPPER.readTree(response.path("Data").asText());
    }

    private static long shadowVersion(JsonNode response) throws Exception {
        return data(response).path("payload").path("version").asLong();
    }
}
