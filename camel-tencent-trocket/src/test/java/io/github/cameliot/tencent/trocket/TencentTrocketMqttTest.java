package io.github.cameliot.tencent.trocket;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.cameliot.cloudapi.test.LogCapture;
import io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.Call;
import io.github.cameliot.tencent.trocket.HiveMqTestBroker.Login;
import io.github.cameliot.tencent.trocket.HiveMqTestBroker.Puback;
import io.github.cameliot.tencent.trocket.TencentTrocketMqttEndpointResolver.MqttLogin;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.INSTANCE_ID;
import static io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.SECRET_ID;
import static io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.SECRET_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The mqtt endpoints against a real MQTT 5 broker (embedded HiveMQ CE, with username/password authentication), their
 * address and login resolved through a fake trocket management API (MockWebServer, TC3 signatures checked).
 */
class TencentTrocketMqttTest {

    /** Instance lookups through the fake API, its public endpoint. */
    static final String LOOKUP = "instanceId=" + INSTANCE_ID + "&mqttEndpointType=public";

    static HiveMqTestBroker broker;
    static FakeMqttInstanceApi api;
    static int deadPort;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeAll
    static void startBrokerAndApi() throws Exception {
        broker = HiveMqTestBroker.get();
        deadPort = AvailablePortFinder.getNextAvailable();
        api = new FakeMqttInstanceApi(broker.port(), deadPort);
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void qosOneRoundTripThroughRoutesRedeliversAFailedMessageUntilProcessed() throws Exception {
        List<String> attempts = new CopyOnWriteArrayList<>();
        List<String> processed = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (LogCapture logs = LogCapture.start()) {
            start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("tencent-trocket:mqtt:orders/new?" + LOOKUP + "&mqttClientId=orders-producer");
                    from("tencent-trocket:mqtt:orders/+?" + LOOKUP + "&mqttClientId=orders-consumer")
                            .process(exchange -> {
                                String body = exchange.getMessage().getBody(String.class);
                                boolean redelivered = exchange.getMessage().getHeader(
                                        TencentTrocketConstants.MQTT_REDELIVERED, false, Boolean.class);
                                attempts.add(body + (redelivered ? " (again)" : ""));
                                assertThat(exchange.getMessage().getHeader(TencentTrocketConstants.MQTT_TOPIC))
                                        .isEqualTo("orders/new");
                                assertThat(exchange.getMessage().getHeader(TencentTrocketConstants.MQTT_QOS)).isEqualTo(1);
                                if (body.equals("poison") && failedOnce.compareAndSet(false, true)) {
                                    throw new IllegalStateException("the route fails the first time");
                                }
                                processed.add(body);
                            });
                }
            });
            for (String body : List.of("first", "poison", "last")) {
                template.sendBody("direct:send", body);
            }

            await("every message processed", () -> processed.containsAll(List.of("first", "poison", "last")));
            // the failed message was delivered again by the broker, flagged as such, and then processed, once
            assertThat(attempts).containsOnlyOnce("poison", "poison (again)");
            assertThat(processed).containsOnlyOnce("poison");

            // the consumer logged in as the instance's first user allowed to subscribe, the producer as the one allowed
            // to publish, both at the public tcp endpoint; the consumer reconnected, resuming its session
            List<Login> consumerLogins = broker.logins("orders-consumer");
            assertThat(consumerLogins).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(login -> assertThat(login.username()).isEqualTo("reader"))
                    .allSatisfy(login -> assertThat(login.accepted()).isTrue());
            assertThat(consumerLogins.get(0).cleanStart()).isTrue();
            assertThat(consumerLogins.subList(1, consumerLogins.size())).allSatisfy(login -> assertThat(login.cleanStart())
                    .isFalse());
            assertThat(broker.logins("orders-producer")).extracting(Login::username).containsOnly("writer");
            // each message acknowledged once processed: at least one PUBACK per processed message
            await("the acknowledgements", () -> broker.pubacks("orders-consumer").size() >= 3);

            assertThat(api.signatureErrors()).isEmpty();
            assertThat(api.calls()).extracting(Call::action)
                    .contains("DescribeMQTTInsPublicEndpoints", "DescribeMQTTUserList")
                    .doesNotContain("DescribeMQTTInsVPCEndpoints");
            assertThat(context.getEndpoints()).allSatisfy(endpoint -> assertThat(endpoint.getEndpointUri())
                    .doesNotContain(SECRET_KEY));
            context.stop();
            assertNoSecretIn(logs.lines());
        }
    }

    @Test
    void acknowledgesOnlyOnceTheExchangeCompletedEvenWhenTheRouteContinuesOnAnotherThread() throws Exception {
        int callsBefore = api.calls().size();
        String direct = "mqttBrokerUrl=" + broker.url() + "&mqttUsername=direct&mqttPassword=RAW("
                        + HiveMqTestBroker.USERS.get("direct") + ")";
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("tencent-trocket:mqtt:acks/slow?" + direct + "&mqttClientId=acks-producer");
                from("direct:probe").to("tencent-trocket:mqtt:acks/probe?" + direct + "&mqttClientId=acks-probe");
                // the consumer's thread hands the exchange over and returns at once
                from("tencent-trocket:mqtt:acks/slow?" + direct + "&mqttClientId=acks-consumer")
                        .threads(1)
                        .process(exchange -> {
                            received.set(broker.next());
                            if (!release.await(20, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("never released");
                            }
                        })
                        .process(exchange -> completed.set(broker.next()));
            }
        });
        template.sendBody("direct:send", "slow work");
        await("the route holding the message", () -> received.get() > 0);
        // a QoS 1 round trip through the broker after the message reached the route: a PUBACK sent when the consumer's
        // callback returned would be in by now
        template.sendBody("direct:probe", "probe");
        assertThat(broker.pubacks("acks-consumer")).isEmpty();

        release.countDown();
        await("the acknowledgement", () -> !broker.pubacks("acks-consumer").isEmpty());
        Puback puback = broker.pubacks("acks-consumer").get(0);
        assertThat(completed.get()).isPositive();
        assertThat(puback.sequence()).isGreaterThan(completed.get());
        // address and login given: no API call
        assertThat(api.calls()).hasSize(callsBefore);
        assertThat(broker.logins("acks-consumer")).extracting(Login::username).containsOnly("direct");
    }

    @Test
    void aRefusedLoginFailsTheStartWithoutThePasswordInTheErrorOrTheLog() throws Exception {
        String wrong = "wrong-pass-Zx19qK";
        try (LogCapture logs = LogCapture.start()) {
            // the password in the component's configuration: Camel's own trace logging shows endpoint URIs as written
            assertThatThrownBy(() -> start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("tencent-trocket:mqtt:refused/topic?mqttBrokerUrl=" + broker.url()
                         + "&mqttUsername=direct&mqttClientId=refused-consumer")
                            .log("${body}");
                }
            }, configuration -> configuration.setMqttPassword(wrong))).satisfies(error -> {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(wrong).containsIgnoringCase("password");
            });
            assertThat(broker.logins("refused-consumer")).isNotEmpty()
                    .allSatisfy(login -> assertThat(login.accepted()).isFalse());
            assertThat(logs.lines()).noneMatch(line -> line.contains(wrong));
        }
    }

    /** Why the component has a consumer of its own: camel-paho-mqtt5's acknowledges before the route finished. */
    @Test
    void camelPahoMqtt5ConsumerAcknowledgesAsSoonAsItsCallbackReturns() throws Exception {
        String password = HiveMqTestBroker.USERS.get("direct");
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("tencent-trocket:mqtt:paho/slow?mqttBrokerUrl=" + broker.url()
                                       + "&mqttUsername=direct&mqttPassword=RAW(" + password + ")");
                from("paho-mqtt5:paho/slow?brokerUrl=" + broker.url() + "&userName=direct&password=RAW(" + password
                     + ")&clientId=paho-consumer&qos=1")
                        .threads(1)
                        .process(exchange -> {
                            held.set(true);
                            release.await(20, TimeUnit.SECONDS);
                        });
            }
        });
        try {
            template.sendBody("direct:send", "slow work");
            await("the PUBACK of paho-mqtt5's consumer", () -> !broker.pubacks("paho-consumer").isEmpty());
            // acknowledged while the route still holds the message
            assertThat(held).isTrue();
            assertThat(release.getCount()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void requestReplyThroughTheResponseTopicAndCorrelationData() throws Exception {
        List<String> replies = new CopyOnWriteArrayList<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                // the responder: its result is published to the request's response topic
                from("tencent-trocket:mqtt:rpc/echo?" + LOOKUP + "&mqttClientId=rpc-responder")
                        .transform(simple("echo ${bodyAs(String)}"));
                // the requester sends with a response topic and correlation data, and receives the replies
                from("direct:request")
                        .process(exchange -> {
                            MqttProperties properties = new MqttProperties();
                            properties.setResponseTopic("rpc/replies/requester-1");
                            properties.setCorrelationData(exchange.getMessage().getHeader("requestId", String.class)
                                    .getBytes(UTF_8));
                            exchange.getMessage().setHeader(TencentTrocketConstants.MQTT_PROPERTIES, properties);
                        })
                        .to("tencent-trocket:mqtt:rpc/echo?" + LOOKUP + "&mqttClientId=rpc-requester");
                from("tencent-trocket:mqtt:rpc/replies/requester-1?" + LOOKUP + "&mqttClientId=rpc-replies")
                        .process(exchange -> {
                            MqttProperties properties = exchange.getMessage().getHeader(TencentTrocketConstants.MQTT_PROPERTIES,
                                    MqttProperties.class);
                            replies.add(new String(properties.getCorrelationData(), UTF_8) + ": "
                                        + exchange.getMessage().getBody(String.class));
                        });
            }
        });
        template.sendBodyAndHeader("direct:request", "hello", "requestId", "req-1");
        template.sendBodyAndHeader("direct:request", "world", "requestId", "req-2");

        await("both replies", () -> replies.size() >= 2);
        assertThat(replies).containsExactlyInAnyOrder("req-1: echo hello", "req-2: echo world");
        await("the requests acknowledged after their replies", () -> broker.pubacks("rpc-responder").size() >= 2);
    }

    @Test
    void resolvesTheEndpointByTypeAndTheUserByPermissionAndNamesWhatIsMissing() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
            }
        });
        // VPC by default; TLS preferred, else TCP
        MqttLogin vpc = resolve("tencent-trocket:mqtt:a/b?instanceId=" + INSTANCE_ID, true);
        assertThat(vpc.brokerUrl()).isEqualTo("tcp://127.0.0.1:" + deadPort);
        assertThat(vpc.username()).isEqualTo("reader");
        assertThat(vpc.toString()).doesNotContain(vpc.password()).contains("reader");

        MqttLogin ws = resolve("tencent-trocket:mqtt:a/b?" + LOOKUP + "&mqttTransport=ws", false);
        assertThat(ws.brokerUrl()).isEqualTo("ws://127.0.0.1:" + deadPort);
        assertThat(ws.username()).isEqualTo("writer");
        assertThat(ws.password()).isEqualTo(HiveMqTestBroker.USERS.get("writer"));

        assertThatThrownBy(() -> resolve("tencent-trocket:mqtt:a/b?" + LOOKUP + "&mqttTransport=tls", true))
                .hasMessageContaining("no endpoint of type mqtt-tls").hasMessageContaining("mqtt-tcp");
        assertThatThrownBy(() -> resolve("tencent-trocket:mqtt:a/b?" + LOOKUP + "&mqttUsername=writer", true))
                .hasMessageContaining("writer").hasMessageContaining("may not subscribe");
        assertThatThrownBy(() -> resolve("tencent-trocket:mqtt:a/b?" + LOOKUP + "&mqttUsername=nobody", true))
                .hasMessageContaining("no user named nobody");
        assertThatThrownBy(() -> resolve("tencent-trocket:mqtt:a/b?mqttEndpointType=public", true))
                .hasMessageContaining("needs instanceId");

        // the delegated paho-mqtt5 endpoint: the topic in its URI, the login only in its configuration
        TencentTrocketEndpoint endpoint = context.getEndpoint("tencent-trocket:mqtt:$share/workers/a/+?" + LOOKUP,
                TencentTrocketEndpoint.class);
        MqttLogin login = new TencentTrocketMqttEndpointResolver(endpoint).resolve(true);
        TencentTrocketMqttPahoEndpoint paho = TencentTrocketMqttPahoEndpoint.create(endpoint, login);
        assertThat(paho.getEndpointUri()).isEqualTo("paho-mqtt5:$share/workers/a/+");
        assertThat(paho.getTopic()).isEqualTo("$share/workers/a/+");
        assertThat(paho.getConfiguration().getPassword()).isEqualTo(HiveMqTestBroker.USERS.get("reader"));
        assertThat(paho.getConfiguration().getQos()).isEqualTo(1);
    }

    private MqttLogin resolve(String uri, boolean subscribe) throws Exception {
        return new TencentTrocketMqttEndpointResolver(context.getEndpoint(uri, TencentTrocketEndpoint.class)).resolve(subscribe);
    }

    private void start(RouteBuilder routes) throws Exception {
        start(routes, configuration -> {
        });
    }

    private void start(RouteBuilder routes, Consumer<TencentTrocketConfiguration> settings) throws Exception {
        context = new DefaultCamelContext();
        TencentTrocketComponent component = new TencentTrocketComponent();
        TencentTrocketConfiguration configuration = component.getConfiguration();
        configuration.setSecretId(SECRET_ID);
        configuration.setSecretKey(SECRET_KEY);
        configuration.setRegion("ap-guangzhou");
        configuration.setEndpoint(api.url());
        settings.accept(configuration);
        context.addComponent("tencent-trocket", component);
        context.addRoutes(routes);
        context.start();
        template = context.createProducerTemplate();
    }

    private static void assertNoSecretIn(List<String> lines) {
        assertThat(lines).isNotEmpty();
        for (String secret : List.of(SECRET_KEY, HiveMqTestBroker.USERS.get("reader"), HiveMqTestBroker.USERS.get("writer"))) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
