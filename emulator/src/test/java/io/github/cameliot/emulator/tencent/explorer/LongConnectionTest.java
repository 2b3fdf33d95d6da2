package io.github.cameliot.emulator.tencent.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The long connection with the JDK's WebSocket client: registration, heartbeat and the pushes of device changes. */
class LongConnectionTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final String PRODUCT = "PUSHPROD01";
    static final String LAMP = PRODUCT + "/lamp";

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private ExplorerEmulator explorer;
    private ExplorerClient client;
    private WebSocket socket;

    @BeforeEach
    void connect() {
        explorer = CLOUD.emulator().explorer();
        client = new ExplorerClient(explorer);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(explorer.pushUrl(),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(Json.readObject(text.toString()));
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    @AfterEach
    void close() {
        socket.abort();
    }

    @Test
    void registersTheUsersDevicesAnswersHeartbeatsAndPushesTheirChanges() throws Exception {
        String token = client.login("push-user");
        bind(token, explorer.device(PRODUCT, "lamp").online());

        send("ActivePush", "r1", Map.of("DeviceIds", List.of(LAMP, PRODUCT + "/notmine"), "AccessToken", token));
        JsonNode registration = next();
        assertThat(registration.path("reqId").asText()).isEqualTo("r1");
        assertThat(registration.path("error").asText()).isEmpty();
        assertThat(registration.path("data").path("deviceIds")).containsExactly(ExplorerClient.MAPPER
                .getNodeFactory().textNode(LAMP));

        send("YunApi", "h1", Map.of("Action", "AppDeviceTraceHeartBeat", "ActionParams", Map.of("DeviceIds",
                List.of(LAMP), "AccessToken", token, "RequestId", "hb-1")));
        assertThat(next().path("data").path("Response").path("RequestId").asText()).isEqualTo("hb-1");

        explorer.device(PRODUCT, "lamp").report(Map.of("power_switch", 1));
        JsonNode push = next();
        assertThat(push.path("action").asText()).isEqualTo("DeviceChange");
        assertThat(push.path("push").asBoolean()).isTrue();
        JsonNode params = push.path("params");
        assertThat(params.path("Type").asText()).isEqualTo("Property");
        assertThat(params.path("SubType").asText()).isEqualTo("Report");
        assertThat(params.path("DeviceId").asText()).isEqualTo(LAMP);
        assertThat(params.path("Topic").asText()).isEqualTo("$thing/up/property/" + LAMP);
        assertThat(params.path("Time").asText()).endsWith("+08:00");
        String payload = new String(Base64.getDecoder().decode(params.path("Payload").asText()), StandardCharsets.UTF_8);
        assertThat(Json.readObject(payload).path("params").path("power_switch").asInt()).isEqualTo(1);

        explorer.device(PRODUCT, "lamp").offline();
        JsonNode offline = next().path("params");
        assertThat(offline.path("Type").asText()).isEqualTo("StatusChange");
        assertThat(offline.path("SubType").asText()).isEqualTo("Offline");
        assertThat(offline.path("Seq").asLong()).isGreaterThan(params.path("Seq").asLong());

        assertThat(explorer.longConnection().frames("ActivePush")).hasSize(1);
        assertThat(explorer.longConnection().frames("YunApi")).hasSize(1);
    }

    @Test
    void anInvalidTokenIsAnsweredInvalidAccessToken() throws Exception {
        send("ActivePush", "r1", Map.of("DeviceIds", List.of(LAMP), "AccessToken", "not-a-token"));
        JsonNode registration = next();
        assertThat(registration.path("data").path("deviceIds")).isEmpty();
        assertThat(registration.path("data").path("Response").path("Error").path("Code").asText())
                .isEqualTo("InvalidParameterValue.InvalidAccessToken");

        String token = client.login("push-user");
        explorer.expireTokens();
        send("YunApi", "h1", Map.of("Action", "AppDeviceTraceHeartBeat", "AccessToken", token, "RequestId", "hb-1",
                "ActionParams", Map.of("DeviceIds", List.of(LAMP))));
        assertThat(next().path("data").path("Response").path("Error").path("Code").asText())
                .isEqualTo("InvalidParameterValue.InvalidAccessToken");
    }

    private void bind(String token, SimulatedDevice device) {
        String familyId = ExplorerClient.ok(client.token("AppCreateFamily", Map.of("Name", "Home",
                "Address", "Street 1"), token)).path("Data").path("FamilyId").asText();
        String bindToken = ExplorerClient.ok(client.token("AppCreateDeviceBindToken", Map.of(), token))
                .path("Data").path("Token").asText();
        device.provision(bindToken);
        ExplorerClient.ok(client.token("AppTokenBindDeviceFamily", Map.of("Token", bindToken, "ProductId",
                device.productId(), "DeviceName", device.deviceName(), "FamilyId", familyId, "RoomId", "0"), token));
    }

    private void send(String action, String reqId, Map<String, Object> params) throws Exception {
        socket.sendText(ExplorerClient.MAPPER.writeValueAsString(Map.of("action", action, "reqId", reqId,
                "params", params)), true).join();
    }

    private JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame").isNotNull();
        return frame;
    }
}
