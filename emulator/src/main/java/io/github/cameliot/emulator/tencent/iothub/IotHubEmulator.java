package io.github.cameliot.emulator.tencent.iothub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ActionHandler;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.Faults;
import io.github.cameliot.emulator.http.Quotas;
import io.github.cameliot.emulator.tencent.Tc3WireProtocol;
import io.github.cameliot.emulator.tencent.TencentExamples;
import io.vertx.core.Vertx;

/**
 * The Tencent Cloud IoT Hub API (iotcloud 2021-04-08), with the state of the account in memory: products, devices
 * (generated keys, enable and online state, gateway bindings), shadows (versions as the optimistic lock), topic rules
 * (SQL, forward, republish and TDMQ targets) and firmware tasks. The actions on resources the emulator does not model
 * (private CAs, device and product resource files) answer their documented examples.
 * <p>
 * Tests and demos drive devices from Java: {@link #device}, {@link #fleet}. Products and devices can be created with
 * known ids ({@link #createProduct}, {@link #createDevice}) for fixtures that name them.
 */
public final class IotHubEmulator implements EmulatedCloud {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Fleet> fleets = new CopyOnWriteArrayList<>();
    private volatile RocketMqTarget rocketMqTarget;
    private ApiServer server;
    private Vertx vertx;
    private IotHubState state;
    private ProductActions products;
    private DeviceActions devices;
    private RuleEngine rules;
    private ForwardPoster forwarder;

    @Override
    public void start(EmulatorContext context) {
        ActionBook book = ActionBook.load("iotcloud");
        Tc3WireProtocol protocol = new Tc3WireProtocol("iotcloud", "2021-04-08",
                Map.of(context.credentials().tencentSecretId(), context.credentials().tencentSecretKey()),
                context.millis());
        vertx = context.vertx();
        state = new IotHubState(context.millis());
        forwarder = new ForwardPoster(vertx, context.millis(), state);
        rules = new RuleEngine(state, forwarder, () -> rocketMqTarget);
        products = new ProductActions(state);
        devices = new DeviceActions(state);
        ActionHandler examples = TencentExamples.of(book);
        server = new ApiServer("IoT Hub", vertx, protocol, book, examples);
        server.quotas().enforce(context.enforceQuotas());
        products.register(server);
        devices.register(server);
        new ShadowActions(state).register(server);
        new MessageActions(state).register(server);
        new TopicRuleActions(state, () -> rocketMqTarget != null).register(server);
        new FirmwareActions(state).register(server);
        new ExampleActions(state).register(server, examples);
        server.start();
    }

    /** The API's base URL: the tencent-iot endpoint option. */
    public URI url() {
        return server.url();
    }

    public Faults faults() {
        return server.faults();
    }

    public Quotas quotas() {
        return server.quotas();
    }

    /** Where the rules' {@code tdmq} actions send (the emulator's TDMQ RocketMQ cloud, or a test's own). */
    public IotHubEmulator rocketMqTarget(RocketMqTarget target) {
        this.rocketMqTarget = target;
        return this;
    }

    /**
     * Creates a product with a known id, as CreateProduct would with a generated one.
     *
     * @param propertiesJson the ProductProperties as JSON (such as {@code {"ProductType":5}} for a gateway), or null
     * @return the product id
     */
    public String createProduct(String productId, String productName, String propertiesJson) {
        ObjectNode properties = propertiesJson == null ? null : (ObjectNode) json(propertiesJson);
        return state.locked(() -> products.add(productId, productName, properties)).id;
    }

    /** Creates a device with a generated key, as CreateDevice does, and returns its simulator. */
    public SimulatedDevice createDevice(String productId, String deviceName) {
        state.locked(() -> devices.add(productId, deviceName, null, null));
        return device(productId, deviceName);
    }

    /**
     * The simulator of an existing device.
     *
     * @throws IllegalArgumentException when the device does not exist
     */
    public SimulatedDevice device(String productId, String deviceName) {
        if (state.locked(() -> state.findDevice(productId, deviceName)) == null) {
            throw new IllegalArgumentException("The device " + productId + "/" + deviceName + " does not exist");
        }
        return new SimulatedDevice(state, rules, productId, deviceName);
    }

    /**
     * {@code count} connected devices of a product, named {@code device-1} to {@code device-<count>}: those that do
     * not exist are created.
     */
    public Fleet fleet(String productId, int count) {
        List<SimulatedDevice> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "device-" + i;
            SimulatedDevice device = state.locked(() -> state.findDevice(productId, name)) == null
                    ? createDevice(productId, name) : device(productId, name);
            members.add(device.connect());
        }
        Fleet fleet = new Fleet(vertx, members);
        fleets.add(fleet);
        return fleet;
    }

    /**
     * Starts a firmware upgrade of devices of a product to a version (the actions that create tasks are not
     * documented): each device receives {@code {"type":"update_firmware","version":...}} on
     * {@code $ota/update/<product>/<device>}, at once when online, else when it connects; it reports progress with
     * {@link SimulatedDevice#reportUpgrade}.
     */
    public FirmwareTask startFirmwareTask(String productId, String version, String... deviceNames) {
        List<Runnable> notifications = new ArrayList<>();
        FirmwareTask task = state.locked(() -> {
            List<Device> targets = new ArrayList<>();
            for (String name : deviceNames) {
                targets.add(state.device(productId, name));
            }
            FirmwareTask created = new FirmwareTask(state, state.newTaskId(), productId, version);
            for (Device device : targets) {
                created.devices.put(device.name, FirmwareTask.DeviceState.WAITING);
                ObjectNode update = MAPPER.createObjectNode().put("type", "update_firmware").put("version", version)
                        .put("task_id", created.id);
                DeviceMessage message = new DeviceMessage("$ota/update/" + productId + "/" + device.name,
                        update.toString().getBytes(StandardCharsets.UTF_8), 1);
                if (device.isOnline()) {
                    notifications.add(DeviceMailbox.receive(device, message));
                } else {
                    device.offlineQueue.add(message);
                }
            }
            state.firmwareTasks.put(created.id, created);
            return created;
        });
        notifications.forEach(Runnable::run);
        return task;
    }

    /** A firmware task, or null. */
    public FirmwareTask firmwareTask(long taskId) {
        return state.locked(() -> state.firmwareTasks.get(taskId));
    }

    /** Forgets every product, device, rule and task, stops the fleets and switches the faults off. */
    @Override
    public void reset() {
        fleets.forEach(Fleet::stop);
        fleets.clear();
        if (state != null) {
            state.clear();
        }
        if (server != null) {
            server.faults().reset();
        }
    }

    @Override
    public void close() {
        fleets.forEach(Fleet::stop);
        if (server != null) {
            server.close();
        }
        if (forwarder != null) {
            forwarder.close();
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }
}
