package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.tencent.explorer.ExplorerEmulator;
import io.github.cameliot.emulator.tencent.explorer.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component against the embedded IoT Explorer, pointed at it only through its endpoint and pushUrl options and
 * the emulated application's AppKey and AppSecret: the user logs in through the loginAction, creates a family and a
 * room, binds a provisioned device, controls it and reads its data back, and a push route receives the device's
 * changes over the long connection.
 */
class TencentIotExplorerEmulatorTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String PRODUCT = "LAMPPROD01";
    static final String LAMP = PRODUCT + "/lamp1";

    private final BlockingQueue<Exchange> pushes = new LinkedBlockingQueue<>();
    private CamelContext camel;
    private ProducerTemplate template;
    private ExplorerEmulator explorer;

    @BeforeEach
    void start() throws Exception {
        explorer = CLOUD.emulator().explorer();
        camel = new DefaultCamelContext();
        // the application's keys and the user's login on the component, as in production
        TencentIotExplorerConfiguration configuration = camel.getComponent("tencent-iot-explorer",
                TencentIotExplorerComponent.class).getConfiguration();
        configuration.setAppKey(explorer.appKey());
        configuration.setAppSecret(explorer.appSecret());
        configuration.setLoginParameters(Map.of("WxOpenID", "o-emulator-user", "NickName", "Emulator User",
                "Avatar", "https://example.com/avatar.png"));
        String endpoint = "endpoint=" + explorer.url();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").toD("tencent-iot-explorer:${header.action}?" + endpoint + "&maxRetries=0");
                from("tencent-iot-explorer:push?deviceIds=" + LAMP + "&" + endpoint + "&pushUrl=" + explorer.pushUrl()
                     + "&heartbeatInterval=1000").routeId("push").autoStartup(false)
                        .process(exchange -> pushes.add(exchange.copy()));
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void logsInBindsAndControlsADeviceAndReceivesItsChanges() throws Exception {
        SimulatedDevice lamp = explorer.device(PRODUCT, "lamp1").online();
        Home home = bindLamp();

        Map<String, Object> devices = call("AppGetFamilyDeviceList", Map.of("FamilyId", home.familyId(),
                "RoomId", home.roomId()));
        assertThat((List<?>) devices.get("DeviceList")).singleElement()
                .satisfies(device -> assertThat(device.toString()).contains("DeviceId=" + LAMP));

        camel.getRouteController().startRoute("push");
        assertThat(explorer.longConnection().awaitRegistered(LAMP, Duration.ofSeconds(10))).isTrue();

        // control from the API reaches the device, which applies it and reports it
        template.send("direct:call", exchange -> {
            exchange.getMessage().setHeader("action", "AppControlDeviceData");
            exchange.getMessage().setHeader(TencentIotExplorerConstants.PRODUCT_ID, PRODUCT);
            exchange.getMessage().setHeader(TencentIotExplorerConstants.DEVICE_NAME, "lamp1");
            exchange.getMessage().setBody(Map.of("power_switch", 1));
        });
        assertThat(lamp.properties().path("power_switch").asInt()).isEqualTo(1);
        Exchange control = nextPush();
        assertThat(control.getMessage().getHeader(TencentIotExplorerConstants.PUSH_TYPE)).isEqualTo("Template");
        assertThat(control.getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("control");
        assertThat(json(control).path("params").path("power_switch").asInt()).isEqualTo(1);
        Exchange report = nextPush();
        assertThat(report.getMessage().getHeaders())
                .containsEntry(TencentIotExplorerConstants.PUSH_TYPE, "Property")
                .containsEntry(TencentIotExplorerConstants.PUSH_SUB_TYPE, "Report")
                .containsEntry(TencentIotExplorerConstants.DEVICE_ID, LAMP)
                .containsEntry(TencentIotExplorerConstants.TOPIC, "$thing/up/property/" + LAMP);

        // the device's own report and status, pushed and read back through the API
        lamp.report(Map.of("brightness", 42));
        Exchange brightness = nextPush();
        assertThat(json(brightness).path("params").path("brightness").asInt()).isEqualTo(42);
        Map<String, Object> data = call("AppGetDeviceData", Map.of("ProductId", PRODUCT, "DeviceName", "lamp1"));
        JsonNode values = MAPPER.readTree(String.valueOf(data.get("Data")));
        assertThat(values.path("brightness").path("Value").asInt()).isEqualTo(42);
        assertThat(values.path("power_switch").path("Value").asInt()).isEqualTo(1);

        lamp.offline();
        Exchange offline = nextPush();
        assertThat(offline.getMessage().getHeader(TencentIotExplorerConstants.PUSH_TYPE)).isEqualTo("StatusChange");
        assertThat(offline.getMessage().getHeader(TencentIotExplorerConstants.PUSH_SUB_TYPE)).isEqualTo("Offline");
        Map<String, Object> statuses = call("AppGetDeviceStatuses", Map.of("DeviceIds", List.of(LAMP)));
        assertThat((List<?>) statuses.get("DeviceStatuses")).singleElement()
                .satisfies(status -> assertThat(status.toString()).contains("Online=0"));
    }

    @Test
    void anExpiredTokenIsReplacedByANewLoginAndTheCallReplayed() {
        explorer.device(PRODUCT, "lamp1").online();
        Home home = bindLamp();

        explorer.expireTokens();

        Map<String, Object> family = call("AppDescribeFamily", Map.of("FamilyId", home.familyId()));
        assertThat(data(family)).containsEntry("FamilyName", "Home");
    }

    @Test
    void aSignedPublishReachesTheDeviceWithoutAUserToken() {
        SimulatedDevice lamp = explorer.device(PRODUCT, "lamp1").online();

        Exchange done = template.send("direct:call", exchange -> {
            exchange.getMessage().setHeader("action", "AppApiPublishMessage");
            exchange.getMessage().setHeader(TencentIotExplorerConstants.PRODUCT_ID, PRODUCT);
            exchange.getMessage().setHeader(TencentIotExplorerConstants.DEVICE_NAME, "lamp1");
            exchange.getMessage().setBody(Map.of("Topic", PRODUCT + "/lamp1/control", "Payload", "on"));
        });

        assertThat(done.getException()).isNull();
        assertThat(lamp.received()).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo(PRODUCT + "/lamp1/control");
            assertThat(message.text()).isEqualTo("on");
        });
        assertThat(explorer.sessions().userByOpenId("o-emulator-user")).as("no login").isNull();
    }

    @Test
    void anUnboundDeviceIsNotControlled() {
        explorer.device(PRODUCT, "lamp9").online();
        call("AppGetFamilyList", Map.of());

        Exchange refused = template.send("direct:call", exchange -> {
            exchange.getMessage().setHeader("action", "AppControlDeviceData");
            exchange.getMessage().setBody(Map.of("ProductId", PRODUCT, "DeviceName", "lamp9",
                    "Data", "{\"power_switch\":1}"));
        });

        assertThat(refused.getException()).isInstanceOf(io.github.cameliot.cloudapi.tencent.TencentCloudApiException.class)
                .hasMessageContaining("InvalidParameterValue.NoPermission");
        assertThat(explorer.device(PRODUCT, "lamp9").properties().isEmpty()).isTrue();
    }

    record Home(String familyId, String roomId) {
    }

    /** Creates a family and a room and binds lamp1 into it with a provisioning token. */
    private Home bindLamp() {
        String familyId = (String) data(call("AppCreateFamily", Map.of("Name", "Home", "Address", "Street 1")))
                .get("FamilyId");
        String roomId = (String) data(call("AppCreateRoom", Map.of("FamilyId", familyId, "Name", "Kitchen")))
                .get("RoomId");
        String token = (String) data(call("AppCreateDeviceBindToken", Map.of())).get("Token");
        explorer.device(PRODUCT, "lamp1").provision(token);
        call("AppTokenBindDeviceFamily", Map.of("Token", token, "ProductId", PRODUCT, "DeviceName", "lamp1",
                "FamilyId", familyId, "RoomId", roomId));
        return new Home(familyId, roomId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String action, Map<String, Object> parameters) {
        Exchange done = template.send("direct:call", exchange -> {
            exchange.getMessage().setHeader("action", action);
            exchange.getMessage().setBody(parameters);
        });
        assertThat(done.getException()).as("the exception of %s", action).isNull();
        return done.getMessage().getBody(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("Data");
    }

    private Exchange nextPush() throws InterruptedException {
        Exchange push = pushes.poll(10, TimeUnit.SECONDS);
        assertThat(push).as("a push").isNotNull();
        return push;
    }

    private static JsonNode json(Exchange push) throws Exception {
        return MAPPER.readTree(new String(push.getMessage().getBody(byte[].class), StandardCharsets.UTF_8));
    }
}
