package io.github.cameliot.emulator.aliyun;

import java.net.URI;
import java.util.Map;

import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alibaba Cloud IoT Platform API (2018-01-20): every documented action, signed and checked as the cloud does
 * ({@link AliyunRpcWireProtocol}); products and devices (CreateProduct ... DeleteProduct, RegisterDevice and the batch
 * registrations, QueryDevice*, the online state, DisableThing/EnableThing, DeleteDevice), shadows with versions,
 * the property and event history, and the messages to devices (Pub, PubBroadcast, RRpc, SetDeviceProperty(s),
 * InvokeThing(s)Service) keep state; the other actions answer their documented examples after their required
 * parameters are checked.
 * <p>
 * Devices are driven through {@link #device(String, String)}; what they send reaches the AMQP server-side
 * subscription ({@link #amqpUrl()}), whose broker starts on first use: it takes seconds, which tests that do not
 * subscribe should not pay.
 * <pre>{@code
 * AliyunIotEmulator iot = cloud.aliyunIot();
 * String options = "regionId=cn-shanghai&endpoint=" + iot.url() + "&accessKeyId=" + keys.aliyunAccessKeyId()
 *         + "&accessKeySecret=RAW(" + keys.aliyunAccessKeySecret() + ")";
 * from("aliyun-iot:amqp:DEFAULT_GROUP?amqpEndpoint=RAW(" + iot.amqpUrl() + ")&" + options).to("mock:telemetry");
 * iot.device(productKey, "dev1").connect().reportProperties(Map.of("temperature", 21));
 * }</pre>
 */
public final class AliyunIotEmulator implements EmulatedCloud {

    private static final Logger LOG = LoggerFactory.getLogger(AliyunIotEmulator.class);

    /** The API version every call must name. */
    public static final String VERSION = "2018-01-20";
    /** The region the emulated devices live in, answered as a device's {@code Region}. */
    public static final String REGION = "cn-shanghai";

    private ApiServer server;
    private IotPlatform platform;
    private DeviceActions deviceActions;
    private EmulatorContext context;
    private volatile AmqpSubscription subscription;

    @Override
    public void start(EmulatorContext context) {
        this.context = context;
        ActionBook book = ActionBook.load("aliyun-iot");
        AliyunRpcWireProtocol protocol = new AliyunRpcWireProtocol(VERSION, "iot." + REGION + ".aliyuncs.com",
                Map.of(context.credentials().aliyunAccessKeyId(), context.credentials().aliyunAccessKeySecret()),
                context.millis());
        platform = new IotPlatform(REGION, context.millis(), this::toSubscription);
        server = new ApiServer("Alibaba Cloud IoT Platform", context.vertx(), protocol, book,
                AliyunExamples.of(book));
        server.quotas().enforce(context.enforceQuotas());
        new ProductActions(platform).register(server);
        deviceActions = new DeviceActions(platform);
        deviceActions.register(server);
        new MessagingActions(platform).register(server);
        new ShadowActions(platform).register(server);
        new HistoryActions(platform).register(server);
        server.start();
    }

    /** The API's base URL: the aliyun-iot {@code endpoint} option. */
    public URI url() {
        return server.url();
    }

    /**
     * The AMQP server-side subscription's URL, {@code amqp://127.0.0.1:PORT}: the aliyun-iot {@code amqpEndpoint}
     * option. Starts the subscription's broker the first time; device messages sent before are not kept.
     */
    public String amqpUrl() {
        return subscription().url();
    }

    /** The AMQP server-side subscription (started on first use): its queue and the logins it saw. */
    public synchronized AmqpSubscription subscription() {
        if (subscription == null) {
            long started = System.nanoTime();
            subscription = new AmqpSubscription(0, null, Map.of(context.credentials().aliyunAccessKeyId(),
                    context.credentials().aliyunAccessKeySecret()), context.millis()).start();
            LOG.info("Emulated IoT Platform AMQP subscription listening on {} (started in {} ms)", subscription.url(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return subscription;
    }

    /** A registered device, to drive as its firmware would. */
    public SimulatedDevice device(String productKey, String deviceName) {
        if (platform.findDevice(productKey, deviceName) == null) {
            throw new IllegalArgumentException("No device " + deviceName + " in product " + productKey
                    + "; register it first (RegisterDevice)");
        }
        return new SimulatedDevice(platform, productKey, deviceName);
    }

    public Faults faults() {
        return server.faults();
    }

    private void toSubscription(DeviceMessage message) {
        AmqpSubscription current = subscription;
        if (current != null) {
            current.send(message);
        }
    }

    @Override
    public void reset() {
        server.faults().reset();
        platform.clear();
        deviceActions.clear();
        AmqpSubscription current = subscription;
        if (current != null) {
            current.purge();
            current.clearLogins();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        AmqpSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }
}
