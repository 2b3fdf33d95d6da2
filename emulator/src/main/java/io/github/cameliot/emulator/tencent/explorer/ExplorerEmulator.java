package io.github.cameliot.emulator.tencent.explorer;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ActionHandler;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.Faults;

/**
 * The Tencent IoT Explorer application API and its long connection: users logging in with
 * {@code AppGetTokenByWeiXin} and calling the other actions with their access token, families with rooms and bound
 * devices, and simulated devices ({@link #device(String, String)}) that take control from the API and whose
 * changes are pushed over the long connection. The actions without state answer their documented example.
 *
 * <pre>{@code
 * ExplorerEmulator explorer = cloud.explorer();
 * // tencent-iot-explorer:...?endpoint=<explorer.url()>&appKey=<explorer.appKey()>&appSecret=...
 * // tencent-iot-explorer:push?pushUrl=<explorer.pushUrl()>&deviceIds=PRODUCT/lamp
 * explorer.device("PRODUCT", "lamp").online().report(Map.of("power_switch", 1));
 * }</pre>
 */
public final class ExplorerEmulator implements EmulatedCloud {

    private ApiServer server;
    private Sessions sessions;
    private Families families;
    private Devices devices;
    private LongConnection longConnection;
    private String appKey;
    private String appSecret;

    @Override
    public void start(EmulatorContext context) {
        ActionBook book = ActionBook.load("explorer");
        appKey = context.credentials().explorerAppKey();
        appSecret = context.credentials().explorerAppSecret();
        sessions = new Sessions(context.millis());
        families = new Families(context.millis());
        devices = new Devices();
        longConnection = new LongConnection(sessions, families, devices);
        ExplorerWireProtocol protocol = new ExplorerWireProtocol(book, Map.of(appKey, appSecret), sessions,
                context.millis());
        server = new ApiServer("IoT Explorer", context.vertx(), protocol, book, examples(book));
        server.quotas().enforce(context.enforceQuotas());
        AccountActions.register(server, sessions);
        FamilyActions.register(server, families, sessions);
        DeviceActions.register(server, families, devices);
        server.webSockets(longConnection);
        server.start();
    }

    /** The base URL under which appapi and tokenapi lie: the tencent-iot-explorer endpoint option. */
    public URI url() {
        return server.url().resolve(ExplorerWireProtocol.BASE_PATH);
    }

    /** The long connection's address: the tencent-iot-explorer pushUrl option. */
    public URI pushUrl() {
        return URI.create("ws://127.0.0.1:" + server.port() + LongConnection.PATH);
    }

    /** The AppKey of the emulated application. */
    public String appKey() {
        return appKey;
    }

    /** The AppSecret of the emulated application. */
    public String appSecret() {
        return appSecret;
    }

    /** The simulated device, created on first use (offline, without properties). */
    public SimulatedDevice device(String productId, String deviceName) {
        return devices.device(productId, deviceName);
    }

    /**
     * Binds a device to a WeChat user, as if they had provisioned it in the app: into their first family (a new one
     * named Home when they have none), registering the user when they never logged in. For tests of routes that log
     * in themselves and expect the user's devices to be there.
     */
    public SimulatedDevice bindDevice(String wxOpenId, SimulatedDevice device) {
        String userId = sessions.register(wxOpenId).userId();
        families.bind(userId, families.home(userId), Families.DEFAULT_ROOM, device.productId(), device.deviceName());
        return device;
    }

    /** The long connection: its switches for reliability tests and the frames clients sent. */
    public LongConnection longConnection() {
        return longConnection;
    }

    /** The users and their tokens. */
    public Sessions sessions() {
        return sessions;
    }

    /** How long the tokens issued from now on are valid (two hours unless told otherwise). */
    public ExplorerEmulator tokenLifetime(Duration lifetime) {
        sessions.lifetime(lifetime);
        return this;
    }

    /** Makes every issued token invalid, as if expired: clients must log in again. */
    public ExplorerEmulator expireTokens() {
        sessions.expireAll();
        return this;
    }

    public Faults faults() {
        return server.faults();
    }

    @Override
    public void reset() {
        server.faults().reset();
        longConnection.reset();
        sessions.reset();
        families.reset();
        devices.reset();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** The documented example: the fields of its {@code Response}, or the whole answer where it has none. */
    private static ActionHandler examples(ActionBook book) {
        return call -> {
            ObjectNode response = book.exampleResponse(call.action());
            JsonNode fields = response.path("Response");
            ObjectNode output = fields instanceof ObjectNode object ? object : response;
            output.remove("RequestId");
            return output;
        };
    }
}
