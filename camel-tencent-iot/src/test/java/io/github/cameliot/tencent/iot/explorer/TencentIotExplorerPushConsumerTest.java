package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.LogCapture;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.tencent.explorer.ExplorerEmulator;
import io.github.cameliot.emulator.tencent.explorer.LongConnection;
import io.github.cameliot.emulator.tencent.explorer.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The push consumer against the embedded IoT Explorer's long connection (ActivePush, YunApi heartbeat, DeviceChange
 * pushes of its simulated devices), with the access token of a real login through the component: a connection the
 * service drops, a partial and an empty registration, a token that expires, heartbeats left unanswered and a service
 * that refuses connections for a while.
 */
class TencentIotExplorerPushConsumerTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String PRODUCT = "PRODUCT001";
    static final String LAMP = PRODUCT + "/lamp";
    static final String PLUG = PRODUCT + "/plug";
    static final String OTHER = PRODUCT + "/other";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
    private ExplorerEmulator explorer;
    private LongConnection service;
    private CamelContext context;
    private String familyId;

    @BeforeEach
    void startContext() throws Exception {
        explorer = CLOUD.emulator().explorer();
        service = explorer.longConnection();
        context = new DefaultCamelContext();
        // the credentials on the component, as in production: Camel's own debug log shows endpoint URIs as written
        TencentIotExplorerConfiguration configuration = context.getComponent("tencent-iot-explorer",
                TencentIotExplorerComponent.class).getConfiguration();
        configuration.setAppKey(explorer.appKey());
        configuration.setAppSecret(explorer.appSecret());
        configuration.setEndpoint(explorer.url().toString());
        configuration.setLoginParameters(Map.of("WxOpenID", "o-push-user", "NickName", "Push User",
                "Avatar", "https://example.com/avatar.png"));
        context.start();
        familyId = String.valueOf(data(call("AppCreateFamily", Map.of("Name", "Home", "Address", "Street 1")))
                .get("FamilyId"));
    }

    @AfterEach
    void stopAll() {
        if (context != null) {
            context.stop();
        }
        // nothing secret in what was logged, whatever the test did
        Set<String> tokens = service.frames().stream().map(frame -> frame.params().path("AccessToken").asText())
                .filter(token -> !token.isEmpty()).collect(Collectors.toSet());
        assertThat(logs.lines()).noneMatch(line -> line.contains(explorer.appSecret())
                                                   || line.contains(explorer.appKey())
                                                   || tokens.stream().anyMatch(line::contains));
    }

    @Test
    void everyChangeBecomesOneExchangeAndADropIsFollowedByANewRegistration() throws Exception {
        SimulatedDevice lamp = bind(explorer.device(PRODUCT, "lamp").online());
        SimulatedDevice plug = bind(explorer.device(PRODUCT, "plug").online());
        start("deviceIds=" + LAMP + "," + PLUG);
        assertThat(service.awaitRegistered(PLUG, Duration.ofSeconds(10))).isTrue();

        lamp.report(Map.of("brightness", 59));
        Exchange property = next();
        assertPush(property, "Property", "Report", LAMP, "$thing/up/property/" + LAMP);
        assertThat(property.getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("report");
        assertThat(property.getMessage().getHeader(TencentIotExplorerConstants.PRODUCT_ID)).isEqualTo(PRODUCT);
        assertThat(property.getMessage().getHeader(TencentIotExplorerConstants.DEVICE_NAME)).isEqualTo("lamp");
        assertThat(json(property).path("params").path("brightness").asInt()).isEqualTo(59);

        plug.event("low_voltage", Map.of("voltage", 2.2));
        Exchange event = next();
        assertPush(event, "Event", "Report", PLUG, "$thing/up/event/" + PLUG);
        assertThat(event.getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("event_post");
        assertThat(json(event).path("eventId").asText()).isEqualTo("low_voltage");

        plug.offline();
        Exchange status = next();
        assertPush(status, "StatusChange", "Offline", PLUG, null);
        assertThat(status.getMessage().getBody(byte[].class)).isEmpty();

        // an asynchronous action call: the device's reply arrives as Action/Report with the call's ClientToken
        String clientToken = String.valueOf(call("AppCallDeviceActionAsync", Map.of("ProductId", PRODUCT,
                "DeviceName", "lamp", "ActionId", "blink", "InputParams", "{\"times\":3}")).get("ClientToken"));
        assertPush(next(), "Action", "Push", LAMP, null);
        Exchange reply = next();
        assertPush(reply, "Action", "Report", LAMP, null);
        assertThat(reply.getMessage().getHeader(TencentIotExplorerConstants.CLIENT_TOKEN)).isEqualTo(clientToken);
        assertThat(reply.getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("action_reply");

        lamp.publish(PRODUCT + "/lamp/user/data", "temperature=21.5".getBytes(StandardCharsets.UTF_8));
        Exchange userDefined = next();
        assertPush(userDefined, "UserDefined", "Report", LAMP, PRODUCT + "/lamp/user/data");
        assertThat(body(userDefined)).isEqualTo("temperature=21.5");
        assertThat(userDefined.getMessage().getHeader(TencentIotExplorerConstants.CLIENT_TOKEN)).isNull();
        long seq = userDefined.getMessage().getHeader(TencentIotExplorerConstants.SEQ, Long.class);
        assertThat(seq).isGreaterThan(property.getMessage().getHeader(TencentIotExplorerConstants.SEQ, Long.class));

        // registration: the devices, the token and the AppKey
        List<LongConnection.Frame> registrations = service.frames("ActivePush");
        assertThat(registrations).hasSize(1);
        JsonNode registration = registrations.get(0).params();
        assertThat(registration.path("DeviceIds")).containsExactly(text(LAMP), text(PLUG));
        assertThat(registration.path("AppKey").asText()).isEqualTo(explorer.appKey());
        String token = registration.path("AccessToken").asText();
        assertThat(explorer.sessions().user(token)).isNotNull();

        // the heartbeat, at the interval, with token and request id at both levels
        awaitUntil("two heartbeats on the first connection", () -> heartbeats(0).size() >= 2);
        JsonNode heartbeat = heartbeats(0).get(0).params();
        assertThat(heartbeat.path("Action").asText()).isEqualTo("AppDeviceTraceHeartBeat");
        assertThat(heartbeat.path("AccessToken").asText()).isEqualTo(token);
        assertThat(heartbeat.path("AppKey").asText()).isEqualTo(explorer.appKey());
        assertThat(heartbeat.path("ActionParams").path("DeviceIds")).containsExactly(text(LAMP), text(PLUG));
        assertThat(heartbeat.path("ActionParams").path("AccessToken").asText()).isEqualTo(token);
        assertThat(heartbeat.path("ActionParams").path("RequestId")).isEqualTo(heartbeat.path("RequestId"));
        assertThat(heartbeats(0).get(1).params().path("RequestId")).isNotEqualTo(heartbeat.path("RequestId"));

        // the service drops the connection: the consumer registers again, with the same valid token, and goes on
        service.dropConnections();
        awaitUntil("a second registration", () -> service.frames("ActivePush").size() == 2);
        LongConnection.Frame second = service.frames("ActivePush").get(1);
        assertThat(second.connection()).isEqualTo(1);
        assertThat(second.params().path("AccessToken").asText()).isEqualTo(token);
        assertThat(service.awaitRegistered(LAMP, Duration.ofSeconds(10))).isTrue();
        lamp.report(Map.of("power_switch", 1));
        assertPush(next(), "Property", "Report", LAMP, "$thing/up/property/" + LAMP);
        awaitUntil("a heartbeat on the second connection", () -> heartbeats(1).size() >= 1);
        assertThat(logs.lines()).anyMatch(line -> line.contains("connection to ws://") && line.contains("failed"));

        // graceful stop: the socket is closed normally
        context.stop();
        awaitUntil("the close frame", () -> service.closeCodes().contains((short) 1000));
        assertThat(service.connections()).isEqualTo(2);
        assertThat(logs.lines()).anyMatch(line -> line.contains("closed"));
    }

    @Test
    void aPartialRegistrationIsLoggedAndTheOthersAreReceived() throws Exception {
        SimulatedDevice lamp = bind(explorer.device(PRODUCT, "lamp").online());
        explorer.device(PRODUCT, "other").online();
        start("deviceIds=" + LAMP + "," + OTHER);
        assertThat(service.awaitRegistered(LAMP, Duration.ofSeconds(10))).isTrue();

        lamp.report(Map.of("brightness", 10));
        assertPush(next(), "Property", "Report", LAMP, "$thing/up/property/" + LAMP);
        explorer.device(PRODUCT, "other").report(Map.of("brightness", 20));
        awaitUntil("three heartbeats", () -> heartbeats(0).size() >= 3);
        assertThat(received).as("no change of the device that is not the user's").isEmpty();
        assertThat(service.frames("ActivePush")).hasSize(1);
        assertThat(service.connections()).isEqualTo(1);
        assertThat(logs.lines()).anyMatch(line -> line.contains("1 of 2 devices were not registered")
                                                  && line.endsWith(": " + OTHER));
    }

    @Test
    void aRegistrationOfNoDeviceIsAFailureAndIsTriedAgain() throws Exception {
        SimulatedDevice lamp = explorer.device(PRODUCT, "lamp").online();
        start("deviceIds=" + LAMP);

        awaitUntil("a registration of none", () -> logs.lines().stream().anyMatch(line -> line.contains(
                "registered none of the 1 devices") && line.contains("connecting again")));
        // once the device is bound to the user, the next attempt registers it
        bind(lamp);
        assertThat(service.awaitRegistered(LAMP, Duration.ofSeconds(10))).isTrue();
        int connection = service.connections() - 1;
        awaitUntil("a heartbeat on the registered connection", () -> heartbeats(connection).size() >= 1);
        assertThat(heartbeats(0)).isEmpty();
        assertThat(service.frames("ActivePush").stream().map(frame -> frame.params().path("AccessToken").asText())
                .distinct()).as("the same token every time").hasSize(1);
        awaitUntil("the first connection's close", () -> service.closeCodes().contains((short) 1000));
    }

    @Test
    void anExpiredTokenIsRejectedAndTheConsumerLogsInAgain() throws Exception {
        bind(explorer.device(PRODUCT, "lamp").online());
        start("deviceIds=" + LAMP);
        assertThat(service.awaitRegistered(LAMP, Duration.ofSeconds(10))).isTrue();
        String first = service.frames("ActivePush").get(0).params().path("AccessToken").asText();

        explorer.expireTokens();

        awaitUntil("a second registration", () -> service.frames("ActivePush").size() >= 2);
        LongConnection.Frame second = service.frames("ActivePush").get(1);
        String token = second.params().path("AccessToken").asText();
        assertThat(token).isNotEqualTo(first);
        assertThat(explorer.sessions().user(token)).isNotNull();
        awaitUntil("two heartbeats on the second connection", () -> heartbeats(second.connection()).size() >= 2);
        assertThat(heartbeats(second.connection()).get(0).params().path("AccessToken").asText()).isEqualTo(token);
        assertThat(logs.lines()).anyMatch(line -> line.contains("access token is invalid"));
    }

    @Test
    void anUnansweredHeartbeatCountsTheConnectionAsLost() throws Exception {
        bind(explorer.device(PRODUCT, "lamp").online());
        service.answerHeartbeats(false);
        start("deviceIds=" + LAMP);

        awaitUntil("a second registration", () -> service.frames("ActivePush").size() >= 2);
        assertThat(logs.lines()).anyMatch(line -> line.contains("the heartbeat was not answered within heartbeatInterval"));
        assertThat(heartbeats(0)).hasSize(1);
        service.answerHeartbeats(true);
        awaitUntil("a connection whose heartbeats are answered", () -> heartbeats(service.connections() - 1).size() >= 2);
        assertThat(service.frames("ActivePush").stream().map(frame -> frame.params().path("AccessToken").asText())
                .distinct()).as("the token was not taken for invalid").hasSize(1);
    }

    @Test
    void aServiceThatIsDownIsTriedAgainWithBackoffUntilItIsBack() throws Exception {
        bind(explorer.device(PRODUCT, "lamp").online());
        start("deviceIds=" + LAMP);
        assertThat(service.awaitRegistered(LAMP, Duration.ofSeconds(10))).isTrue();
        // the service goes away, and refuses the handshake while it is down
        service.refuseConnections(true);
        service.dropConnections();
        awaitUntil("two refused attempts", () -> service.refusedConnections() >= 2);
        service.refuseConnections(false);
        awaitUntil("a registration with the service that is back", () -> service.frames("ActivePush").size() == 2);
        awaitUntil("a heartbeat", () -> heartbeats(1).size() >= 1);
        // the attempts were logged with their reason
        assertThat(logs.lines()).anyMatch(line -> line.contains("failed (attempt 2)") && line.contains("HTTP 503"))
                .anyMatch(line -> line.contains("failed (attempt 3)"));
    }

    @Test
    void deviceIdsAreRequiredAndChecked() {
        assertThatThrownBy(() -> start("bridgeErrorHandler=false"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("deviceIds"));
        assertThatThrownBy(() -> start("deviceIds=PRODUCT"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("deviceIds").contains("ProductId/DeviceName"));
        assertThat(service.connections()).isZero();
    }

    private void start(String options) throws Exception {
        String uri = "tencent-iot-explorer:push?" + options + "&pushUrl=" + explorer.pushUrl()
                     + "&heartbeatInterval=500&reconnectInitialDelay=100&reconnectMaxDelay=1000";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> received.add(exchange.copy()));
            }
        });
    }

    /** Binds the device into the user's family, through the component. */
    private SimulatedDevice bind(SimulatedDevice device) {
        String token = String.valueOf(data(call("AppCreateDeviceBindToken", Map.of())).get("Token"));
        device.provision(token);
        call("AppTokenBindDeviceFamily", Map.of("Token", token, "ProductId", device.productId(),
                "DeviceName", device.deviceName(), "FamilyId", familyId, "RoomId", "0"));
        return device;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String action, Map<String, Object> parameters) {
        return context.createFluentProducerTemplate().to("tencent-iot-explorer:" + action).withBody(parameters)
                .request(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("Data");
    }

    private List<LongConnection.Frame> heartbeats(int connection) {
        return service.frames("YunApi").stream().filter(frame -> frame.connection() == connection).toList();
    }

    private Exchange next() throws InterruptedException {
        Exchange exchange = received.poll(10, TimeUnit.SECONDS);
        assertThat(exchange).as("a push").isNotNull();
        return exchange;
    }

    private static void assertPush(Exchange exchange, String type, String subType, String deviceId, String topic) {
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(TencentIotExplorerConstants.PUSH_TYPE, type)
                .containsEntry(TencentIotExplorerConstants.PUSH_SUB_TYPE, subType)
                .containsEntry(TencentIotExplorerConstants.DEVICE_ID, deviceId)
                .containsKey(TencentIotExplorerConstants.SEQ)
                .containsKey(TencentIotExplorerConstants.PUSH_TIME);
        assertThat(exchange.getMessage().getHeader(TencentIotExplorerConstants.TOPIC)).isEqualTo(topic);
    }

    private static JsonNode json(Exchange exchange) throws Exception {
        return MAPPER.readTree(body(exchange));
    }

    private static String body(Exchange exchange) {
        return new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }

    private static JsonNode text(String value) {
        return MAPPER.getNodeFactory().textNode(value);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Waits up to 10 s for the condition. */
    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
