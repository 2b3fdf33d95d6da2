package io.github.cameliot.emulator.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IoT Platform's state semantics, over signed HTTP calls and the simulated devices. */
class AliyunIotStateTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final ObjectMapper MAPPER = new ObjectMapper();

    RpcClient client;
    AliyunIotEmulator iot;
    String productKey;

    @BeforeEach
    void product() {
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        iot = CLOUD.emulator().aliyunIot();
        client = new RpcClient(iot.url(), keys.aliyunAccessKeyId(), keys.aliyunAccessKeySecret());
        productKey = ok("CreateProduct", Map.of("ProductName", "Thermostats", "NodeType", "0",
                "AliyunCommodityCode", "iothub_senior", "DataFormat", "1")).path("ProductKey").asText();
    }

    @Test
    void productsAreCreatedReadListedUpdatedAndDeleted() {
        JsonNode product = ok("QueryProduct", Map.of("ProductKey", productKey)).path("Data");
        assertThat(product.path("ProductName").asText()).isEqualTo("Thermostats");
        assertThat(product.path("AliyunCommodityCode").asText()).isEqualTo("iothub_senior");
        assertThat(product.path("ProductSecret").asText()).hasSize(16);
        assertThat(failed("CreateProduct", Map.of("ProductName", "Thermostats", "NodeType", "0")))
                .isEqualTo("iot.prod.AlreadyExistedProductName");
        assertThat(failed("CreateProduct", Map.of("ProductName", "Gateways", "NodeType", "7")))
                .isEqualTo("iot.prod.InvalidNodeType");

        ok("UpdateProduct", Map.of("ProductKey", productKey, "ProductName", "Heaters", "Description", "hot"));
        JsonNode list = ok("QueryProductList", Map.of("CurrentPage", "1", "PageSize", "10")).path("Data");
        assertThat(list.path("Total").asInt()).isEqualTo(1);
        assertThat(list.path("List").path("ProductInfo").get(0).path("ProductName").asText()).isEqualTo("Heaters");
        assertThat(failed("QueryProductList", Map.of("CurrentPage", "1", "PageSize", "201")))
                .isEqualTo("iot.common.InvalidPageParams");

        ok("DeleteProduct", Map.of("ProductKey", productKey));
        assertThat(failed("QueryProduct", Map.of("ProductKey", productKey))).isEqualTo("iot.prod.NotExistedProduct");
    }

    @Test
    void devicesGetSecretsAndIdsAndTheirStatusFollowsTheirConnection() {
        JsonNode registered = ok("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "dev1"))
                .path("Data");
        String iotId = registered.path("IotId").asText();
        assertThat(registered.path("DeviceSecret").asText()).hasSize(32);
        assertThat(failed("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "dev1")))
                .isEqualTo("iot.device.AlreadyExistedDeviceName");
        assertThat(status(iotId)).isEqualTo("UNACTIVE");

        SimulatedDevice device = iot.device(productKey, "dev1").connect();
        assertThat(device.iotId()).isEqualTo(iotId);
        assertThat(status(iotId)).isEqualTo("ONLINE");
        JsonNode states = ok("BatchGetDeviceState", Map.of("ProductKey", productKey, "DeviceName.1", "dev1",
                "DeviceName.2", "missing")).path("DeviceStatusList").path("DeviceStatus");
        assertThat(states).hasSize(1);
        assertThat(states.get(0).path("Status").asText()).isEqualTo("ONLINE");

        ok("DisableThing", Map.of("IotId", iotId));
        assertThat(status(iotId)).isEqualTo("DISABLE");
        assertThat(device.isConnected()).isFalse();
        assertThatThrownBy(device::connect).isInstanceOf(IllegalStateException.class);
        ok("EnableThing", Map.of("ProductKey", productKey, "DeviceName", "dev1"));
        assertThat(status(iotId)).isEqualTo("OFFLINE");

        JsonNode detail = ok("QueryDeviceDetail", Map.of("IotId", iotId)).path("Data");
        assertThat(detail.path("DeviceName").asText()).isEqualTo("dev1");
        assertThat(detail.path("UtcActive").asText()).endsWith("Z");
        JsonNode page = ok("QueryDevice", Map.of("ProductKey", productKey, "PageSize", "10", "CurrentPage", "1"));
        assertThat(page.path("Total").asInt()).isEqualTo(1);

        ok("DeleteDevice", Map.of("IotId", iotId));
        assertThat(failed("GetDeviceStatus", Map.of("IotId", iotId))).isEqualTo("iot.device.NotExistedDevice");
    }

    @Test
    void batchRegistrationGoesThroughItsApplication() {
        String applyId = ok("BatchCheckDeviceNames", Map.of("ProductKey", productKey, "DeviceName.1", "b-one",
                "DeviceName.2", "b-two")).path("Data").path("ApplyId").asText();
        assertThat(ok("QueryBatchRegisterDeviceStatus", Map.of("ProductKey", productKey, "ApplyId", applyId))
                .path("Data").path("Status").asText()).isEqualTo("CHECK_SUCCESS");
        ok("BatchRegisterDeviceWithApplyId", Map.of("ProductKey", productKey, "ApplyId", applyId));
        JsonNode page = ok("QueryPageByApplyId", Map.of("ApplyId", applyId, "PageSize", "10", "CurrentPage", "1"));
        assertThat(page.path("ApplyDeviceList").path("ApplyDeviceInfo").findValuesAsText("DeviceName"))
                .containsExactly("b-one", "b-two");
        assertThat(failed("QueryPageByApplyId", Map.of("ApplyId", "1"))).isEqualTo("iot.device.DeviceApplyIsNotFound");
    }

    @Test
    void theShadowTakesOnlyGreaterVersionsAndTellsTheDevice() {
        ok("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "dev1"));
        SimulatedDevice device = iot.device(productKey, "dev1");
        assertThat(ok("GetDeviceShadow", Map.of("ProductKey", productKey, "DeviceName", "dev1")).has("ShadowMessage"))
                .isFalse();

        ok("UpdateDeviceShadow", shadow("{\"method\":\"update\",\"state\":{\"desired\":{\"color\":\"green\"}},"
                + "\"version\":2}"));
        assertThat(failed("UpdateDeviceShadow", shadow("{\"method\":\"update\",\"state\":{\"desired\":"
                + "{\"color\":\"red\"}},\"version\":2}"))).isEqualTo("iot.messagebroker.InvalidVersionValueInShadowMessage");
        assertThat(failed("UpdateDeviceShadow", shadow("{\"method\":\"update\",\"state\":{\"desired\":"
                + "{\"color\":\"red\"}}}"))).isEqualTo("iot.messagebroker.NotFoundVersionOrNullVersionValue");
        assertThat(failed("UpdateDeviceShadow", shadow("{\"method\":\"delete\",\"state\":{},\"version\":9}")))
                .isEqualTo("iot.messagebroker.MethodValueIsNotUpdate");

        device.connect();
        assertThat(device.received()).as("the control message, QoS 1, kept while offline").hasSize(1);
        assertThat(device.received().get(0).topic()).isEqualTo("/shadow/get/" + productKey + "/dev1");
        assertThat(device.reportShadow(Map.of("color", "green"))).isEqualTo(3);

        JsonNode document = json(ok("GetDeviceShadow", Map.of("ProductKey", productKey, "DeviceName", "dev1"))
                .path("ShadowMessage").asText());
        assertThat(document.path("version").asLong()).isEqualTo(3);
        assertThat(document.path("state").path("desired").path("color").asText()).isEqualTo("green");
        assertThat(document.path("state").path("reported").path("color").asText()).isEqualTo("green");
    }

    @Test
    void pubReachesTheDeviceAndRrpcIsAnsweredByIt() {
        ok("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "dev1"));
        SimulatedDevice device = iot.device(productKey, "dev1");
        String topic = "/" + productKey + "/dev1/user/get";

        assertThat(rrpc("ping").path("RrpcCode").asText()).isEqualTo("OFFLINE");
        ok("Pub", Map.of("ProductKey", productKey, "TopicFullName", topic, "MessageContent", base64("lost"),
                "Qos", "0"));
        ok("Pub", Map.of("ProductKey", productKey, "TopicFullName", topic, "MessageContent", base64("kept"),
                "Qos", "1"));
        device.connect();
        ok("Pub", Map.of("ProductKey", productKey, "TopicFullName", topic, "MessageContent", base64("hello")));
        assertThat(device.received()).extracting(DeviceMessage::text).containsExactly("kept", "hello");
        assertThat(failed("Pub", Map.of("ProductKey", productKey, "TopicFullName", topic, "MessageContent", "***")))
                .isEqualTo("iot.messagebroker.MessageContentIsNotBase64Encode");
        assertThat(failed("Pub", Map.of("ProductKey", productKey, "TopicFullName", "/other/dev1/get",
                "MessageContent", base64("x")))).isEqualTo("iot.messagebroker.InvalidFormattedTopicName");

        assertThat(rrpc("ping").path("RrpcCode").asText()).as("no replier").isEqualTo("TIMEOUT");
        device.onRrpc(request -> ("pong to " + new String(request, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        JsonNode answer = rrpc("ping");
        assertThat(answer.path("RrpcCode").asText()).isEqualTo("SUCCESS");
        assertThat(new String(Base64.getDecoder().decode(answer.path("PayloadBase64Byte").asText()),
                StandardCharsets.UTF_8)).isEqualTo("pong to ping");
        assertThat(device.received().get(device.received().size() - 1).topic())
                .startsWith("/sys/" + productKey + "/dev1/rrpc/request/");

        ok("SetDeviceProperty", Map.of("ProductKey", productKey, "DeviceName", "dev1", "Items", "{\"power\":1}"));
        ok("InvokeThingService", Map.of("ProductKey", productKey, "DeviceName", "dev1", "Identifier", "reboot",
                "Args", "{\"delay\":5}"));
        List<DeviceMessage> received = device.received();
        assertThat(received.get(received.size() - 2).topic()).endsWith("/thing/service/property/set");
        assertThat(json(received.get(received.size() - 2).text()).path("params").path("power").asInt()).isEqualTo(1);
        assertThat(received.get(received.size() - 1).topic()).endsWith("/thing/service/reboot");
        long now = System.currentTimeMillis();
        JsonNode calls = ok("QueryDeviceServiceData", Map.of("ProductKey", productKey, "DeviceName", "dev1",
                "Identifier", "reboot", "StartTime", Long.toString(now - 60_000), "EndTime", Long.toString(now + 60_000),
                "PageSize", "10", "Asc", "1")).path("Data").path("List").path("ServiceInfo");
        assertThat(calls).hasSize(1);
        assertThat(json(calls.get(0).path("InputData").asText()).path("delay").asInt()).isEqualTo(5);

        ok("PubBroadcast", Map.of("ProductKey", productKey, "TopicFullName", "/broadcast/" + productKey + "/all",
                "MessageContent", base64("to all")));
        assertThat(device.received().get(device.received().size() - 1).text()).isEqualTo("to all");
    }

    @Test
    void reportedPropertiesAndEventsAreTheirHistory() {
        ok("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "dev1"));
        SimulatedDevice device = iot.device(productKey, "dev1").connect();
        for (int i = 0; i < 3; i++) {
            device.reportProperties(Map.of("temperature", 20 + i));
        }
        device.reportEvent("overheat", "alert", Map.of("level", 3));
        device.reportEvent("boot", "info", Map.of());
        long now = System.currentTimeMillis();

        Map<String, String> query = new LinkedHashMap<>(Map.of("ProductKey", productKey, "DeviceName", "dev1",
                "Identifier", "temperature", "StartTime", Long.toString(now - 60_000), "EndTime",
                Long.toString(now + 60_000), "PageSize", "2", "Asc", "1"));
        JsonNode first = ok("QueryDevicePropertyData", query).path("Data");
        assertThat(first.path("List").path("PropertyInfo").findValuesAsText("Value")).containsExactly("20", "21");
        assertThat(first.path("NextValid").asBoolean()).isTrue();
        // as the cloud does, the cursor lies just past the page's last record (which may share its millisecond)
        long lastTime = first.path("List").path("PropertyInfo").get(1).path("Time").asLong();
        assertThat(first.path("NextTime").asLong()).isEqualTo(lastTime + 1);
        query.put("StartTime", Long.toString(lastTime));
        JsonNode second = ok("QueryDevicePropertyData", query).path("Data");
        assertThat(second.path("NextValid").asBoolean()).isFalse();
        assertThat(second.path("List").path("PropertyInfo").findValuesAsText("Value")).endsWith("22");

        query.put("StartTime", Long.toString(now + 60_000));
        assertThat(failed("QueryDevicePropertyData", query)).isEqualTo("iot.device.InvalidTimeBucket");

        JsonNode events = ok("QueryDeviceEventData", Map.of("ProductKey", productKey, "DeviceName", "dev1",
                "Identifier", "overheat", "EventType", "alert", "StartTime", Long.toString(now - 60_000),
                "EndTime", Long.toString(now + 60_000), "Asc", "1")).path("Data").path("List").path("EventInfo");
        assertThat(events).hasSize(1);
        assertThat(json(events.get(0).path("OutputData").asText()).path("level").asInt()).isEqualTo(3);

        JsonNode status = ok("QueryDevicePropertyStatus", Map.of("ProductKey", productKey, "DeviceName", "dev1"))
                .path("Data").path("List").path("PropertyStatusInfo");
        assertThat(status.get(0).path("Value").asText()).isEqualTo("22");
    }

    @Test
    void quotasAreEnforcedWithTheIotPlatformsThrottlingCode() {
        // PubBroadcast: one call a second; calls in a row soon fall into one second
        String code = null;
        for (int i = 0; i < 20 && code == null; i++) {
            RpcClient.Answer answer = client.call("PubBroadcast", Map.of("ProductKey", productKey,
                    "TopicFullName", "/broadcast/" + productKey + "/all", "MessageContent", base64("x")));
            code = answer.code();
            assertThat(answer.status()).isEqualTo(200);
        }
        assertThat(code).isEqualTo("iot.messagebroker.RateLimit");
    }

    @Test
    void missingParametersFaultsAndUnknownActionsAreRefusedAsTheGatewayDoes() {
        RpcClient.Answer missing = client.call("QueryProduct", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("MissingParameter");
        RpcClient.Answer missingList = client.call("CreateProductTags", Map.of("ProductKey", productKey));
        assertThat(missingList.code()).isEqualTo("MissingParameter");
        assertThat(client.call("CreateProductTags", Map.of("ProductKey", productKey, "ProductTag.1.TagKey", "k",
                "ProductTag.1.TagValue", "v")).success()).isTrue();

        TreeMap<String, String> oldVersion = client.common("QueryProduct");
        oldVersion.put("Version", "2017-04-20");
        oldVersion.put("ProductKey", productKey);
        RpcClient.Answer version = client.send("GET", oldVersion, client.secret());
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.code()).isEqualTo("InvalidVersion");

        RpcClient.Answer unknown = client.call("NoSuchAction", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("UnsupportedOperation");

        iot.faults().failNext(1);
        RpcClient.Answer failed = client.call("QueryProduct", Map.of("ProductKey", productKey));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.code()).isEqualTo("InternalError");
        assertThat(client.call("QueryProduct", Map.of("ProductKey", productKey)).success()).isTrue();

        iot.faults().dropNext(1);
        assertThatThrownBy(() -> client.call("QueryProduct", Map.of("ProductKey", productKey)))
                .isInstanceOf(IllegalStateException.class);
    }

    private JsonNode rrpc(String request) {
        return ok("RRpc", Map.of("ProductKey", productKey, "DeviceName", "dev1", "RequestBase64Byte", base64(request),
                "Timeout", "1000"));
    }

    private Map<String, String> shadow(String message) {
        return Map.of("ProductKey", productKey, "DeviceName", "dev1", "ShadowMessage", message);
    }

    private String status(String iotId) {
        return ok("GetDeviceStatus", Map.of("IotId", iotId)).path("Data").path("Status").asText();
    }

    private JsonNode ok(String action, Map<String, String> parameters) {
        RpcClient.Answer answer = client.call(action, parameters);
        assertThat(answer.success()).as("%s answered %s", action, answer.body()).isTrue();
        return answer.body();
    }

    /** The code of a business error (HTTP 200, Success false, ErrorMessage). */
    private String failed(String action, Map<String, String> parameters) {
        RpcClient.Answer answer = client.call(action, parameters);
        assertThat(answer.status()).as("%s answered %s", action, answer.body()).isEqualTo(200);
        assertThat(answer.body().path("Success").asBoolean()).isFalse();
        assertThat(answer.body().path("ErrorMessage").asText()).isNotEmpty();
        return answer.code();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
