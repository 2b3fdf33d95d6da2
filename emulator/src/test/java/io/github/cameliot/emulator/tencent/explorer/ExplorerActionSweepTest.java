package io.github.cameliot.emulator.tencent.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.sign.Crypto;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.http.ActionBook;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action of the book, called with its documented example request: answered with a valid signature or token
 * (the example's identifiers replaced by those of a logged-in user's family, room and bound device, so that the
 * actions with state succeed too), and refused with the documented codes when the signature, the timestamp, the
 * AppKey or the token is wrong.
 */
class ExplorerActionSweepTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final ActionBook BOOK = ActionBook.load("explorer");
    static final String PRODUCT = "SWEEP00001";

    static List<String> actions() {
        return List.copyOf(BOOK.actions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void answersWithAValidSignatureOrTokenAndRefusesAWrongOne(String action) {
        ExplorerEmulator explorer = CLOUD.emulator().explorer();
        ExplorerClient client = new ExplorerClient(explorer);
        Home home = Home.of(explorer, client);
        Map<String, Object> params = home.substitute(action, ExplorerClient.MAPPER.convertValue(
                BOOK.exampleRequest(action), Map.class));
        boolean appApi = "appapi".equals(BOOK.entry(action).path("endpoint").asText());

        Map<String, Object> valid = appApi ? client.signed(action, params)
                : ExplorerClient.withToken(action, params, home.token);
        JsonNode answer = client.post(appApi ? "appapi" : "tokenapi", valid);
        assertThat(ExplorerClient.error(answer)).as("the error of %s", action).isNull();
        assertThat(answer.path("Response").path("RequestId").asText()).isEqualTo(valid.get("RequestId"));

        if (appApi) {
            Map<String, Object> spoiled = client.signed(action, params);
            spoiled.put("Signature", "AAAA" + spoiled.get("Signature"));
            assertThat(ExplorerClient.error(client.post("appapi", spoiled))).as("a wrong signature")
                    .isEqualTo("InvalidParameterValue.InvalidAppParameter");
            Map<String, Object> stale = ExplorerClient.signed(action, params, explorer.appKey(),
                    explorer.appSecret(), System.currentTimeMillis() / 1000 - 3600);
            assertThat(ExplorerClient.error(client.post("appapi", stale))).as("a stale timestamp")
                    .isEqualTo("InvalidParameterValue.InvalidAppParameter");
            Map<String, Object> unknownKey = ExplorerClient.signed(action, params, "someOtherAppKey",
                    explorer.appSecret(), System.currentTimeMillis() / 1000);
            assertThat(ExplorerClient.error(client.post("appapi", unknownKey))).as("an unknown AppKey")
                    .isEqualTo("ResourceNotFound.AppNotExists");
            Map<String, Object> otherSecret = ExplorerClient.signed(action, params, explorer.appKey(),
                    "not-the-app-secret", System.currentTimeMillis() / 1000);
            assertThat(ExplorerClient.error(client.post("appapi", otherSecret))).as("another secret")
                    .isEqualTo("InvalidParameterValue.InvalidAppParameter");
            assertThat(ExplorerClient.error(client.post("appapi", valid))).as("the same request replayed")
                    .isEqualTo("InvalidParameterValue.InvalidAppParameter");
        } else {
            assertThat(ExplorerClient.error(client.post("tokenapi",
                    ExplorerClient.withToken(action, params, "not-a-token")))).as("an unknown token")
                    .isEqualTo("InvalidParameterValue.InvalidAccessToken");
            assertThat(ExplorerClient.error(client.post("appapi", client.signed(action, params))))
                    .as("a token action on appapi").isEqualTo("InvalidAction");
        }
    }

    /** A logged-in user with a family, a room, a bound online device, and a second device ready to bind. */
    record Home(String token, String familyId, String roomId, SimulatedDevice bound, SimulatedDevice unbound,
                String bindToken) {

        static Home of(ExplorerEmulator explorer, ExplorerClient client) {
            String token = client.login("sweep-user");
            String familyId = ExplorerClient.ok(client.token("AppCreateFamily", Map.of("Name", "home",
                    "Address", "street 1"), token)).path("Data").path("FamilyId").asText();
            String roomId = ExplorerClient.ok(client.token("AppCreateRoom", Map.of("FamilyId", familyId,
                    "Name", "kitchen"), token)).path("Data").path("RoomId").asText();
            SimulatedDevice bound = explorer.device(PRODUCT, "lamp1").online();
            SimulatedDevice unbound = explorer.device(PRODUCT, "lamp2").online();
            Map<String, Object> bind = new LinkedHashMap<>(Map.of("FamilyId", familyId, "RoomId", roomId,
                    "ProductId", PRODUCT, "DeviceName", "lamp1", "DeviceTimestamp", 1700000000L, "ConnId", "c1",
                    "BindType", "wifi_sign"));
            bind.put("Signature", Crypto.hex(Crypto.hmacSha1(Base64.getDecoder().decode(bound.psk()),
                    "DeviceName=lamp1&DeviceTimestamp=1700000000&ProductId=" + PRODUCT + "&ConnId=c1")));
            ExplorerClient.ok(client.token("AppSigBindDeviceInFamily", bind, token));
            String bindToken = ExplorerClient.ok(client.token("AppCreateDeviceBindToken", Map.of(), token))
                    .path("Data").path("Token").asText();
            unbound.provision(bindToken);
            return new Home(token, familyId, roomId, bound, unbound, bindToken);
        }

        /** The example's parameters with this home's identifiers. */
        Map<String, Object> substitute(String action, Map<String, Object> example) {
            Map<String, Object> params = new LinkedHashMap<>(example);
            boolean binds = action.equals("AppTokenBindDeviceFamily") || action.equals("AppSigBindDeviceInFamily");
            SimulatedDevice device = binds ? unbound : bound;
            replace(params, "FamilyId", familyId);
            replace(params, "RoomId", roomId);
            replace(params, "ProductId", device.productId());
            replace(params, "DeviceName", device.deviceName());
            replace(params, "DeviceId", device.deviceId());
            replace(params, "DeviceIds", List.of(device.deviceId()));
            replace(params, "Token", bindToken);
            if (params.containsKey("Data") && params.get("Data") instanceof String data && !data.startsWith("{")) {
                params.put("Data", "{\"power_switch\":1}");
            }
            if (action.equals("AppSigBindDeviceInFamily")) {
                String plain = params.get("ProductId") + "" + params.get("DeviceName") + ";" + params.get("ConnId")
                               + ";" + params.get("DeviceTimestamp");
                if ("wifi_sign".equals(params.get("BindType"))) {
                    plain = "DeviceName=" + params.get("DeviceName") + "&DeviceTimestamp=" + params.get("DeviceTimestamp")
                            + "&ProductId=" + params.get("ProductId") + "&ConnId=" + params.get("ConnId");
                }
                String algorithm = "hmacsha256".equals(params.get("SignMethod")) ? Crypto.HMAC_SHA256 : Crypto.HMAC_SHA1;
                params.put("Signature", Crypto.hex(Crypto.hmac(algorithm, Base64.getDecoder().decode(device.psk()),
                        plain)));
            }
            if (action.equals("AppApiPublishMessage")) {
                params.put("Payload", Base64.getEncoder().encodeToString("on".getBytes(StandardCharsets.UTF_8)));
            }
            return params;
        }

        private static void replace(Map<String, Object> params, String name, Object value) {
            if (params.containsKey(name)) {
                params.put(name, value);
            }
        }
    }
}
