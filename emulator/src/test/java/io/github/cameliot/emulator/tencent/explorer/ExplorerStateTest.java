package io.github.cameliot.emulator.tencent.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the application API keeps: users and their tokens, families and rooms, bound devices and their state. */
class ExplorerStateTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final String PRODUCT = "STATEPROD1";

    private ExplorerEmulator explorer;
    private ExplorerClient client;

    @BeforeEach
    void client() {
        explorer = CLOUD.emulator().explorer();
        client = new ExplorerClient(explorer);
    }

    @Test
    void aLoginIssuesATokenUntilItsExpiryAndALogoutEndsIt() {
        JsonNode login = ExplorerClient.ok(client.app("AppGetTokenByWeiXin", Map.of("WxOpenID", "o-1",
                "NickName", "One", "Avatar", "https://example.com/1.png")));
        String token = login.path("Data").path("Token").asText();
        long expireAt = login.path("Data").path("ExpireAt").asLong();
        assertThat(expireAt - System.currentTimeMillis() / 1000).isBetween(7100L, 7200L);
        ExplorerClient.ok(client.token("AppGetFamilyList", Map.of(), token));

        // logging in again is the refresh: a new token, the same user, the old token still valid until it expires
        String second = client.login("o-1");
        assertThat(second).isNotEqualTo(token);
        assertThat(explorer.sessions().user(second)).isEqualTo(explorer.sessions().user(token));

        ExplorerClient.ok(client.token("AppLogoutUser", Map.of(), token));
        assertThat(ExplorerClient.error(client.token("AppGetFamilyList", Map.of(), token)))
                .isEqualTo("InvalidParameterValue.InvalidAccessToken");
        ExplorerClient.ok(client.token("AppGetFamilyList", Map.of(), second));

        explorer.tokenLifetime(Duration.ZERO);
        String expired = client.login("o-1");
        assertThat(ExplorerClient.error(client.token("AppGetFamilyList", Map.of(), expired)))
                .isEqualTo("InvalidParameterValue.InvalidAccessToken");
    }

    @Test
    void familiesAndRoomsBelongToTheirUser() {
        String alice = client.login("alice");
        String bob = client.login("bob");
        String familyId = ExplorerClient.ok(client.token("AppCreateFamily", Map.of("Name", "Home",
                "Address", "Street 1"), alice)).path("Data").path("FamilyId").asText();
        ExplorerClient.ok(client.token("AppModifyFamily", Map.of("FamilyId", familyId, "Name", "House",
                "Address", "Street 2"), alice));
        String roomId = ExplorerClient.ok(client.token("AppCreateRoom", Map.of("FamilyId", familyId,
                "Name", "Kitchen"), alice)).path("Data").path("RoomId").asText();

        JsonNode family = ExplorerClient.ok(client.token("AppDescribeFamily", Map.of("FamilyId", familyId), alice));
        assertThat(family.path("Data").path("FamilyName").asText()).isEqualTo("House");
        assertThat(family.path("Data").path("Address").asText()).isEqualTo("Street 2");
        JsonNode list = ExplorerClient.ok(client.token("AppGetFamilyList", Map.of(), alice));
        assertThat(list.path("Total").asInt()).isEqualTo(1);
        assertThat(list.path("FamilyList").get(0).path("Role").asInt()).isEqualTo(1);
        JsonNode rooms = ExplorerClient.ok(client.token("AppGetRoomList", Map.of("FamilyId", familyId), alice));
        assertThat(rooms.path("RoomList").get(0).path("RoomId").asText()).isEqualTo(roomId);
        assertThat(rooms.path("RoomList").get(0).path("RoomName").asText()).isEqualTo("Kitchen");

        assertThat(ExplorerClient.ok(client.token("AppGetFamilyList", Map.of(), bob)).path("Total").asInt()).isZero();
        assertThat(ExplorerClient.error(client.token("AppDescribeFamily", Map.of("FamilyId", familyId), bob)))
                .isEqualTo("UnauthorizedOperation.NoPermissionToFamily");

        ExplorerClient.ok(client.token("AppDeleteFamily", Map.of("FamilyId", familyId, "Name", "House"), alice));
        assertThat(ExplorerClient.error(client.token("AppDescribeFamily", Map.of("FamilyId", familyId), alice)))
                .isEqualTo("ResourceNotFound.StudioFamilyNotExist");
    }

    @Test
    void aBoundDeviceIsListedControlledAndReadBackAndAnUnboundOneIsNot() {
        String token = client.login("carol");
        String familyId = ExplorerClient.ok(client.token("AppCreateFamily", Map.of("Name", "Home",
                "Address", "Street 1"), token)).path("Data").path("FamilyId").asText();
        SimulatedDevice lamp = explorer.device(PRODUCT, "lamp").online();
        Map<String, Object> bind = Map.of("Token", "", "ProductId", PRODUCT, "DeviceName", "lamp",
                "FamilyId", familyId, "RoomId", "0");

        String bindToken = ExplorerClient.ok(client.token("AppCreateDeviceBindToken", Map.of(), token))
                .path("Data").path("Token").asText();
        assertThat(ExplorerClient.ok(client.token("AppGetDeviceBindTokenState", Map.of("Token", bindToken), token))
                .path("Data").path("State").asInt()).isEqualTo(1);
        Map<String, Object> withToken = new java.util.HashMap<>(bind);
        withToken.put("Token", bindToken);
        assertThat(ExplorerClient.error(client.token("AppTokenBindDeviceFamily", withToken, token)))
                .as("before the device reported the token").isEqualTo("InvalidParameterValue.TokenNotBind");
        lamp.provision(bindToken);
        ExplorerClient.ok(client.token("AppTokenBindDeviceFamily", withToken, token));

        JsonNode devices = ExplorerClient.ok(client.token("AppGetFamilyDeviceList", Map.of("FamilyId", familyId,
                "RoomId", "0"), token));
        assertThat(devices.path("Total").asInt()).isEqualTo(1);
        assertThat(devices.path("DeviceList").get(0).path("DeviceId").asText()).isEqualTo(PRODUCT + "/lamp");

        ExplorerClient.ok(client.token("AppControlDeviceData", Map.of("ProductId", PRODUCT, "DeviceName", "lamp",
                "Data", "{\"power_switch\":1,\"color\":2}"), token));
        assertThat(lamp.properties().path("power_switch").asInt()).isEqualTo(1);
        assertThat(lamp.received()).singleElement()
                .satisfies(message -> assertThat(message.text()).contains("\"method\":\"control\""));
        lamp.report(Map.of("brightness", 30));
        JsonNode data = ExplorerClient.ok(client.token("AppGetDeviceData", Map.of("ProductId", PRODUCT,
                "DeviceName", "lamp"), token));
        JsonNode values = ExplorerClient.MAPPER.valueToTree(Json.readObject(data.path("Data").asText()));
        assertThat(values.path("color").path("Value").asInt()).isEqualTo(2);
        assertThat(values.path("brightness").path("Value").asInt()).isEqualTo(30);
        assertThat(values.path("brightness").path("LastUpdate").asLong()).isPositive();

        lamp.offline();
        assertThat(ExplorerClient.error(client.token("AppControlDeviceData", Map.of("ProductId", PRODUCT,
                "DeviceName", "lamp", "Data", "{\"power_switch\":0}"), token))).isEqualTo("FailedOperation.DeviceOffline");
        JsonNode statuses = ExplorerClient.ok(client.token("AppGetDeviceStatuses", Map.of("DeviceIds",
                List.of(PRODUCT + "/lamp")), token));
        assertThat(statuses.path("DeviceStatuses").get(0).path("Online").asInt()).isZero();

        ExplorerClient.ok(client.token("AppDeleteDeviceInFamily", Map.of("FamilyId", familyId, "RoomId", "0",
                "ProductId", PRODUCT, "DeviceName", "lamp"), token));
        assertThat(ExplorerClient.error(client.token("AppGetDeviceData", Map.of("ProductId", PRODUCT,
                "DeviceName", "lamp"), token))).isEqualTo("InvalidParameterValue.NoPermission");
        String other = client.login("dave");
        assertThat(ExplorerClient.error(client.token("AppGetDeviceStatuses", Map.of("DeviceIds",
                List.of(PRODUCT + "/lamp")), other))).isEqualTo("InvalidParameterValue.NoPermission");
    }

    @Test
    void aDeviceBoundThroughTheJavaApiIsTheUsersAtTheirFirstLogin() {
        SimulatedDevice lamp = explorer.bindDevice("frank", explorer.device(PRODUCT, "desk").online());

        String token = client.login("frank");
        JsonNode families = ExplorerClient.ok(client.token("AppGetFamilyList", Map.of(), token));
        assertThat(families.path("FamilyList").get(0).path("Name").asText()).isEqualTo("Home");
        ExplorerClient.ok(client.token("AppControlDeviceData", Map.of("ProductId", PRODUCT, "DeviceName", "desk",
                "Data", "{\"power_switch\":1}"), token));
        assertThat(lamp.properties().path("power_switch").asInt()).isEqualTo(1);
    }

    @Test
    void aWrongDynamicSignatureDoesNotBind() {
        String token = client.login("erin");
        String familyId = ExplorerClient.ok(client.token("AppCreateFamily", Map.of("Name", "Home",
                "Address", "Street 1"), token)).path("Data").path("FamilyId").asText();
        explorer.device(PRODUCT, "plug").online();

        assertThat(ExplorerClient.error(client.token("AppSigBindDeviceInFamily", Map.of("FamilyId", familyId,
                "ProductId", PRODUCT, "DeviceName", "plug", "DeviceTimestamp", 1700000000, "ConnId", "c1",
                "BindType", "wifi_sign", "Signature", "0123456789abcdef0123456789abcdef01234567"), token)))
                .isEqualTo("InvalidParameterValue.BindDeviceSigMismatch");
    }
}
