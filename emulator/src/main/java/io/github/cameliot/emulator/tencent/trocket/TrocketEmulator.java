package io.github.cameliot.emulator.tencent.trocket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.Faults;
import io.github.cameliot.emulator.tencent.Tc3WireProtocol;
import io.github.cameliot.emulator.tencent.TencentExamples;
import io.github.cameliot.testsupport.rocketmq.RocketMqTestServer;

/**
 * The Tencent Cloud TDMQ RocketMQ 5.x management API (trocket 2023-03-08): RocketMQ instances, topics, consumer
 * groups and roles, and MQTT instances, topics, users and endpoints keep state; the other actions (migration, MQTT
 * certificates, clients and stored messages, the SKU list) answer their documented examples.
 * <p>
 * Optionally a real RocketMQ 5.3.3 runs behind it ({@link #startRocketMq()}, or {@link #useRocketMq} for one already
 * running): a child JVM, so it is opt-in. Then DescribeInstance answers its gRPC access point, CreateTopic and
 * CreateConsumerGroup create the topic and the group on it, and {@link #send} and {@link #receive} move messages on
 * its topics, so that the component's {@code tencent-trocket:topic:...} endpoints work given only an instance id.
 *
 * <pre>{@code
 * try (CloudEmulator cloud = CloudEmulator.start()) {
 *     cloud.trocket().startRocketMq();
 *     // tencent-trocket:CreateTopic?endpoint=<cloud.trocket().url()>&...
 * }
 * }</pre>
 */
public final class TrocketEmulator implements EmulatedCloud {

    private ApiServer server;
    private TrocketAccount account;
    private volatile RocketMqBroker broker;
    private volatile InetSocketAddress mqttBroker;

    @Override
    public void start(EmulatorContext context) {
        ActionBook book = ActionBook.load("trocket");
        Tc3WireProtocol protocol = new Tc3WireProtocol("trocket", "2023-03-08",
                Map.of(context.credentials().tencentSecretId(), context.credentials().tencentSecretKey()),
                context.millis());
        account = new TrocketAccount(context.millis());
        server = new ApiServer("TDMQ RocketMQ", context.vertx(), protocol, book, TencentExamples.of(book));
        new InstanceActions(account, () -> broker).register(server);
        new TopicActions(account, () -> broker).register(server);
        new ConsumerGroupActions(account, () -> broker).register(server);
        new RoleActions(account).register(server);
        new MqttInstanceActions(account).register(server);
        new MqttUserActions(account).register(server);
        new MqttEndpointActions(account, () -> mqttBroker).register(server);
        server.quotas().enforce(context.enforceQuotas());
        server.start();
    }

    /** The API's base URL: the tencent-trocket endpoint option. */
    public URI url() {
        return server.url();
    }

    public Faults faults() {
        return server.faults();
    }

    /**
     * Starts a RocketMQ 5.3.3 of the emulator's own (a child JVM, some seconds), stopped when the emulator closes.
     *
     * @return this, for chaining
     */
    public synchronized TrocketEmulator startRocketMq() {
        return attach(new RocketMqBroker(RocketMqTestServer.start(), true));
    }

    /**
     * Puts a RocketMQ that is running already behind the emulator, such as the one a test suite shares; the emulator
     * does not stop it.
     *
     * @return this, for chaining
     */
    public synchronized TrocketEmulator useRocketMq(RocketMqTestServer rocketMq) {
        return attach(new RocketMqBroker(rocketMq, false));
    }

    private TrocketEmulator attach(RocketMqBroker next) {
        if (broker != null) {
            next.close();
            throw new IllegalStateException("A RocketMQ runs behind the emulator already");
        }
        broker = next;
        return this;
    }

    /** The gRPC access point (host:port) of the RocketMQ behind the emulator, or null when none runs. */
    public String rocketMqAccessPoint() {
        RocketMqBroker running = broker;
        return running == null ? null : running.accessPoint();
    }

    /**
     * Names the MQTT broker (host and TCP port) the MQTT instances' endpoints lead to: the emulator runs none of its
     * own, so DescribeMQTTInsVPCEndpoints (and DescribeMQTTInsPublicEndpoints, once opened) answer this one, and no
     * endpoint until it is set. Its logins should be the users created with CreateMQTTUser.
     *
     * @return this, for chaining
     */
    public TrocketEmulator useMqttBroker(String host, int port) {
        mqttBroker = InetSocketAddress.createUnresolved(host, port);
        return this;
    }

    /**
     * Adds an instance with an id of the caller's choosing (a route configured with {@code instanceId=rmq-...} finds
     * it), as if bought in the console: an EXPERIMENT instance, named after its id.
     */
    public void createInstance(String instanceId) {
        javaApi(() -> account.rocketMq.add(instanceId, instance -> { }));
    }

    /** Adds an MQTT instance with an id of the caller's choosing ({@code mqtt-...}): a BASIC basic_1k instance. */
    public void createMqttInstance(String instanceId) {
        javaApi(() -> account.mqtt.add(instanceId, instance -> { }));
    }

    /**
     * Puts a message on a topic of an instance, on the real RocketMQ, as the cloud's own services do (IoT Hub's rules
     * forwarding to TDMQ): FIFO messages go in the message group named by the tag (or the topic).
     *
     * @param tag the message's tag, or null
     * @return the message id
     * @throws IllegalArgumentException when the instance has no such topic
     * @throws IllegalStateException    when no RocketMQ runs behind the emulator
     */
    public String send(String instanceId, String topic, String tag, byte[] body) {
        String type = topicType(instanceId, topic);
        return running().send(topic, "UNSPECIFIED".equals(type) ? "NORMAL" : type, tag, body);
    }

    /**
     * Reads messages of a topic back as a consumer group, acknowledging them: up to {@code max} (at most 32), as soon
     * as there are any, or none when none came within {@code wait}.
     */
    public List<TrocketMessage> receive(String instanceId, String topic, String consumerGroup, int max,
                                        Duration wait) {
        topicType(instanceId, topic);
        return running().receive(topic, consumerGroup, max, wait);
    }

    private String topicType(String instanceId, String topic) {
        return javaApi(() -> account.rocketMq.inInstance(instanceId,
                instance -> TopicActions.topic(instance, topic).type()));
    }

    private RocketMqBroker running() {
        RocketMqBroker running = broker;
        if (running == null) {
            throw new IllegalStateException("No RocketMQ runs behind the emulator: call startRocketMq() or "
                    + "useRocketMq()");
        }
        return running;
    }

    /** The cloud's refusals, as the Java API's exceptions. */
    private static <T> T javaApi(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the instances and the faults; a RocketMQ behind the emulator keeps running, with its topics, and the
     * MQTT broker named stays.
     */
    @Override
    public void reset() {
        server.faults().reset();
        account.clear();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        RocketMqBroker running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }
}
