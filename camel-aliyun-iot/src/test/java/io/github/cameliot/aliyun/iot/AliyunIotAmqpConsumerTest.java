package io.github.cameliot.aliyun.iot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.cameliot.cloudapi.test.LogCapture;
import io.github.cameliot.emulator.aliyun.AmqpSubscription;
import io.github.cameliot.emulator.aliyun.AmqpSubscription.Login;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The amqp consumer against a real AMQP 1.0 broker, the emulator's IoT Platform subscription (embedded ActiveMQ
 * Artemis, here with a persistent journal so that a restart keeps the messages), whose security manager signs clients
 * in as IoT Platform does; the messages are sent as IoT Platform sends them, by a plain Qpid JMS producer.
 */
class AliyunIotAmqpConsumerTest {

    static final String KEY_ID = "LTAI5tAmqpTestKey01";
    static final String SECRET = "amqp-test-secret-7Hq2xZ";
    static final String WRONG_SECRET = "wrong-secret-Kp93mW";
    static final String GROUP = "test-group";
    static final long ID_BASE = 1_700_000_000_000_000_000L;
    static final long GENERATE_BASE = 1_717_000_000_000L;

    @TempDir
    static Path brokerDirectory;
    static AmqpSubscription broker;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final RecordingHandler handler = new RecordingHandler();
    private CamelContext context;

    /** What the route saw of one exchange. */
    record Received(String messageId, String topic, Object generateTime, byte[] body) {
    }

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new AmqpSubscription(AvailablePortFinder.getNextAvailable(), brokerDirectory, Map.of(KEY_ID, SECRET));
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @BeforeEach
    void emptyQueue() throws Exception {
        broker.purge();
        broker.clearLogins();
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void wrongSecretIsRefusedReportedAndRetriedWithoutTheSecretInTheLog() throws Exception {
        send(0, 1);
        try (LogCapture logs = LogCapture.start()) {
            start(WRONG_SECRET, endpoint("refused-client"), record());

            await("two refused logins", () -> broker.logins("refused-client").size() >= 2);
            await("the failure in the log", () -> logs.lines().stream()
                    .anyMatch(line -> line.contains("aliyun-iot amqp") && line.contains("refused-client")
                                      && line.contains("failed") && line.contains("connecting again")));
            context.stop();

            List<Login> logins = broker.logins("refused-client");
            assertThat(logins).allSatisfy(login -> {
                assertThat(login.accepted()).isFalse();
                assertThat(login.reason()).isEqualTo("wrong signature");
                assertThat(login.consumerGroupId()).isEqualTo(GROUP);
            });
            // every attempt signs in anew
            assertThat(logins.stream().map(Login::timestamp).distinct()).hasSameSizeAs(logins);
            assertThat(received).isEmpty();
            assertThat(broker.messageCount()).isEqualTo(1);
            assertNoSecretIn(logs.lines());
        }
    }

    @Test
    void everyMessageBecomesOneExchangeWithBodyAndHeaders() throws Exception {
        int n = 20;
        start(SECRET, endpoint("receiving-client") + "&connectionCount=2&iotInstanceId=iot-cn-test01", record());
        send(0, n);

        await("all messages", () -> received.size() >= n);
        await("all acknowledged", () -> broker.messageCount() == 0);

        assertThat(received).hasSize(n);
        Map<String, Received> byId = received.stream().collect(Collectors.toMap(Received::messageId, r -> r));
        for (int i = 0; i < n; i++) {
            Received r = byId.get(messageId(i));
            assertThat(r).as("message %d", i).isNotNull();
            assertThat(r.topic()).isEqualTo(topic(i));
            assertThat(r.generateTime()).isEqualTo(GENERATE_BASE + i);
            assertThat(r.body()).isEqualTo(payload(i));
        }
        // two connections, each signed in under its own client id, with the instance and the group
        assertThat(broker.logins()).filteredOn(login -> login.clientId().startsWith("receiving-client"))
                .allSatisfy(login -> {
                    assertThat(login.accepted()).isTrue();
                    assertThat(login.iotInstanceId()).isEqualTo("iot-cn-test01");
                    assertThat(login.consumerGroupId()).isEqualTo(GROUP);
                    assertThat(login.accessKeyId()).isEqualTo(KEY_ID);
                })
                .extracting(Login::clientId).containsExactlyInAnyOrder("receiving-client-0", "receiving-client-1");
        assertThat(handler.failures).isEmpty();
    }

    @Test
    void failedExchangesAreNotAcknowledgedAndComeBackUntilProcessed() throws Exception {
        int n = 15;
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Set<String> thrown = IntStream.range(0, n).filter(i -> i % 5 == 0).mapToObj(AliyunIotAmqpConsumerTest::messageId)
                .collect(Collectors.toSet());
        Set<String> rolledBack = IntStream.range(0, n).filter(i -> i % 5 == 1)
                .mapToObj(AliyunIotAmqpConsumerTest::messageId).collect(Collectors.toSet());
        Set<String> processed = ConcurrentHashMap.newKeySet();
        start(SECRET, endpoint("failing-client"), exchange -> {
            String id = exchange.getMessage().getHeader(AliyunIotConstants.AMQP_MESSAGE_ID, String.class);
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (attempt == 1 && thrown.contains(id)) {
                throw new IllegalStateException("fails on purpose: " + id);
            }
            if (attempt == 1 && rolledBack.contains(id)) {
                exchange.setRollbackOnly(true);
                return;
            }
            processed.add(id);
        });
        send(0, n);

        await("every message processed", () -> processed.size() == n);
        await("all acknowledged", () -> broker.messageCount() == 0);

        // the failed ones came back, which an acknowledged message never does; the others came once
        attempts.forEach((id, count) -> assertThat(count.get()).as("attempts of %s", id)
                .isEqualTo(thrown.contains(id) || rolledBack.contains(id) ? 2 : 1));
        assertThat(handler.failures).hasSize(thrown.size() + rolledBack.size());
        assertThat(handler.failures).allSatisfy(failure -> {
            assertThat(failure.message()).contains("not acknowledged").contains("delivers it again");
            assertThat(failure.exchange()).isNotNull();
        });
        assertThat(handler.failures).filteredOn(failure -> failure.exception() instanceof IllegalStateException)
                .hasSize(thrown.size());
    }

    @Test
    void brokerRestartReconnectsWithAFreshSignatureAndLosesNothing() throws Exception {
        int n = 30;
        Set<String> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger arrivals = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        try (LogCapture logs = LogCapture.start()) {
            start(SECRET, endpoint("restart-client"), exchange -> {
                // the 11th waits in the route while the broker restarts, with the prefetched ones behind it
                if (arrivals.incrementAndGet() == 11) {
                    gate.await(30, TimeUnit.SECONDS);
                }
                processed.add(exchange.getMessage().getHeader(AliyunIotConstants.AMQP_MESSAGE_ID, String.class));
            });
            send(0, n);
            await("ten processed and one in the route", () -> arrivals.get() >= 11);
            assertThat(processed).hasSizeLessThan(n);
            Login first = broker.logins("restart-client").get(0);

            broker.restart();

            await("a new login", () -> broker.logins("restart-client").stream()
                    .anyMatch(login -> login.accepted() && login.timestamp() > first.timestamp()));
            gate.countDown();
            await("every message processed", () -> processed.size() == n);
            await("all acknowledged", () -> broker.messageCount() == 0);

            List<Login> accepted = broker.logins("restart-client").stream().filter(Login::accepted).toList();
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(2);
            assertThat(accepted.get(0)).isEqualTo(first);
            Login again = accepted.get(accepted.size() - 1);
            assertThat(again.timestamp()).isGreaterThan(first.timestamp());
            assertThat(again.password()).isNotEqualTo(first.password());
            assertThat(logs.lines()).anyMatch(line -> line.contains("aliyun-iot amqp") && line.contains("was lost"));
            assertNoSecretIn(logs.lines());
        }
    }

    /**
     * A window of one: the first message waits in the route (on the session's thread, or on a thread of the route's
     * own when asynchronous), the second waits at the client for a place.
     */
    @ParameterizedTest(name = "asynchronous route: {0}")
    @ValueSource(booleans = { false, true })
    void stopWaitsForTheExchangeInFlightThenAcknowledgesItAndGivesBackTheRest(boolean asynchronous) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        List<String> processed = new CopyOnWriteArrayList<>();
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        String uri = endpoint("stopping-client", 1);
        context = context(SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                Processor work = exchange -> {
                    if (inRoute.getCount() > 0) {
                        inRoute.countDown();
                        gate.await(30, TimeUnit.SECONDS);
                        events.add("route finished");
                    }
                    processed.add(exchange.getMessage().getHeader(AliyunIotConstants.AMQP_MESSAGE_ID, String.class));
                };
                if (asynchronous) {
                    from(uri).routeId("amqp").threads(2).process(work);
                } else {
                    from(uri).routeId("amqp").process(work);
                }
            }
        });
        context.start();
        send(0, 3);
        assertThat(inRoute.await(20, TimeUnit.SECONDS)).isTrue();
        await("the next one at the client", () -> broker.deliveringCount() >= 2);
        AliyunIotAmqpConsumer consumer = (AliyunIotAmqpConsumer) context.getRoutes().get(0).getConsumer();
        assertThat(consumer.inFlight()).isEqualTo(1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(consumer::stop);
        await("the consumer stopping", consumer::isStopping);
        // it cannot finish while the route holds the exchange
        assertThatThrownBy(() -> stopping.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        events.add("released");
        gate.countDown();
        stopping.get(20, TimeUnit.SECONDS);
        events.add("stopped");

        assertThat(events).containsExactly("released", "route finished", "stopped");
        assertThat(processed).containsExactly(messageId(0));
        assertThat(consumer.inFlight()).isZero();
        // the one in flight was acknowledged; the two prefetched went back, neither processed nor lost
        await("the rest given back", () -> broker.deliveringCount() == 0 && broker.consumerCount() == 0);
        assertThat(broker.messageCount()).isEqualTo(2);
    }

    @Test
    void asynchronousRouteHasAtMostPrefetchExchangesInFlight() throws Exception {
        int n = 12;
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        Set<String> processed = ConcurrentHashMap.newKeySet();
        String uri = endpoint("async-client", 5);
        context = context(SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("amqp")
                        .threads(10)
                        .process(exchange -> {
                            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                            gate.await(30, TimeUnit.SECONDS);
                            concurrent.decrementAndGet();
                            processed.add(exchange.getMessage().getHeader(AliyunIotConstants.AMQP_MESSAGE_ID, String.class));
                        });
            }
        });
        context.start();
        send(0, n);

        await("five in the route", () -> concurrent.get() == 5);
        AliyunIotAmqpConsumer consumer = (AliyunIotAmqpConsumer) context.getRoutes().get(0).getConsumer();
        assertThat(consumer.inFlight()).isEqualTo(5);
        // the next ones have reached the client, and wait there for a place
        await("more delivered than in flight", () -> broker.deliveringCount() > 5);
        assertThat(concurrent.get()).isEqualTo(5);

        gate.countDown();
        await("every message processed", () -> processed.size() == n);
        await("all acknowledged", () -> broker.messageCount() == 0);
        assertThat(most.get()).isEqualTo(5);
        assertThat(consumer.inFlight()).isZero();
        assertThat(handler.failures).isEmpty();
    }

    @Test
    void suspendedRouteReceivesNothingUntilResumedWithANewLogin() throws Exception {
        start(SECRET, endpoint("suspending-client"), record());
        send(0, 2);
        await("the first two", () -> received.size() == 2);

        context.getRouteController().suspendRoute("amqp");
        AliyunIotAmqpConsumer consumer = (AliyunIotAmqpConsumer) context.getRoutes().get(0).getConsumer();
        assertThat(consumer.isSuspended()).isTrue();
        await("disconnected", () -> broker.consumerCount() == 0 && consumer.connected() == 0);
        send(2, 3);
        assertThat(broker.messageCount()).isEqualTo(3);
        assertThat(received).hasSize(2);

        context.getRouteController().resumeRoute("amqp");
        await("the other three", () -> received.size() == 5);
        await("all acknowledged", () -> broker.messageCount() == 0);
        assertThat(received).extracting(Received::messageId)
                .containsExactlyInAnyOrder(IntStream.range(0, 5).mapToObj(AliyunIotAmqpConsumerTest::messageId)
                        .toArray(String[]::new));
        assertThat(broker.logins("suspending-client")).hasSize(2).allMatch(Login::accepted);
    }

    @Test
    void configurationErrorsFailTheStartNamingTheOption() {
        assertThatThrownBy(() -> start(SECRET, endpoint("c") + "&idleTimeout=5000", record()))
                .hasStackTraceContaining("idleTimeout must be between 30000 and 300000");
        assertThatThrownBy(() -> start(SECRET, endpoint("c") + "&idleTimeout=301s", record()))
                .hasStackTraceContaining("idleTimeout must be between 30000 and 300000");
        assertThatThrownBy(() -> start(SECRET, "aliyun-iot:amqp:" + GROUP + "?regionId=cn-shanghai", record()))
                .hasStackTraceContaining("needs regionId and accountId");
        assertThatThrownBy(() -> start(SECRET, "aliyun-iot:amqp:" + GROUP + "?amqpEndpoint=RAW(https://example.com)",
                record())).hasStackTraceContaining("amqpEndpoint must be an amqps://");
        assertThatThrownBy(() -> start(SECRET, endpoint("a|b"), record())).hasStackTraceContaining("clientId");
    }

    @Test
    void connectionUriDefaultsToTheAccountsTlsEndpoint() {
        AliyunIotConfiguration configuration = new AliyunIotConfiguration();
        configuration.setRegionId("cn-shanghai");
        configuration.setAccountId("1234567890123456");
        configuration.setIdleTimeout(80000);

        assertThat(AliyunIotAmqpSettings.connectionUri(configuration).toString())
                .startsWith("amqps://1234567890123456.iot-amqp.cn-shanghai.aliyuncs.com:5671?")
                .contains("amqp.idleTimeout=80000", "amqp.saslMechanisms=PLAIN", "jms.prefetchPolicy.all=100");

        configuration.setAmqpEndpoint("amqps://iot-06z00example.amqp.iothub.aliyuncs.com:5671?transport.verifyHost=false");
        assertThat(AliyunIotAmqpSettings.connectionUri(configuration).toString())
                .startsWith("amqps://iot-06z00example.amqp.iothub.aliyuncs.com:5671?amqp.idleTimeout=80000")
                .endsWith("&transport.verifyHost=false");
        assertThat(AliyunIotAmqpSettings.clientIds("app", 1)).containsExactly("app");
        assertThat(AliyunIotAmqpSettings.clientIds("app", 2)).containsExactly("app-0", "app-1");
        assertThat(AliyunIotAmqpSettings.clientIds(null, 2)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Za-z0-9_-]+"));
    }

    // ---- helpers

    private String endpoint(String clientId) {
        return endpoint(clientId, 10);
    }

    private String endpoint(String clientId, int prefetch) {
        return "aliyun-iot:amqp:" + GROUP + "?amqpEndpoint=RAW(" + broker.url() + ")&clientId=" + clientId
               + "&prefetch=" + prefetch + "&reconnectInitialDelay=100&reconnectMaxDelay=500&exceptionHandler=#handler";
    }

    /** A context whose component signs in with the test's key id and the given secret. */
    private CamelContext context(String secret) {
        if (context != null) {
            context.stop();
        }
        CamelContext created = new DefaultCamelContext();
        created.getShutdownStrategy().setTimeout(10);
        AliyunIotComponent component = new AliyunIotComponent();
        component.getConfiguration().setAccessKeyId(KEY_ID);
        component.getConfiguration().setAccessKeySecret(secret);
        created.addComponent("aliyun-iot", component);
        created.getRegistry().bind("handler", handler);
        return created;
    }

    private void start(String secret, String uri, Processor processor) throws Exception {
        context = context(secret);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("amqp").process(processor);
            }
        });
        context.start();
    }

    private Processor record() {
        return exchange -> {
            org.apache.camel.Message in = exchange.getMessage();
            received.add(new Received(in.getHeader(AliyunIotConstants.AMQP_MESSAGE_ID, String.class),
                    in.getHeader(AliyunIotConstants.AMQP_TOPIC, String.class),
                    in.getHeader(AliyunIotConstants.AMQP_GENERATE_TIME), in.getBody(byte[].class)));
        };
    }

    /** Sends messages as IoT Platform does: the payload as bytes, topic, messageId and generateTime as properties. */
    private static void send(int from, int count) throws Exception {
        long timestamp = System.currentTimeMillis();
        JmsConnectionFactory factory = new JmsConnectionFactory(broker.url() + "?amqp.saslMechanisms=PLAIN");
        try (Connection connection = factory.createConnection(
                AmqpSubscription.username("test-producer", KEY_ID, "", "producer", timestamp),
                AmqpSubscription.password(SECRET, KEY_ID, timestamp))) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(AmqpSubscription.QUEUE));
            for (int i = from; i < from + count; i++) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(payload(i));
                message.setStringProperty("topic", topic(i));
                message.setLongProperty("messageId", ID_BASE + i);
                message.setLongProperty("generateTime", GENERATE_BASE + i);
                producer.send(message);
            }
        }
    }

    static String messageId(int i) {
        return Long.toString(ID_BASE + i);
    }

    static String topic(int i) {
        return "/a1TestProduct/device" + i + "/user/update";
    }

    static byte[] payload(int i) {
        return ("{\"n\":" + i + ",\"temperature\":21.5}").getBytes(UTF_8);
    }

    private static void assertNoSecretIn(List<String> lines) {
        List<String> secrets = new ArrayList<>(List.of(SECRET, WRONG_SECRET));
        broker.logins().forEach(login -> secrets.add(login.password()));
        assertThat(lines).isNotEmpty();
        for (String secret : secrets) {
            assertThat(lines).as("log lines with a secret or a password").noneMatch(line -> line.contains(secret));
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A consumer exception handler that records what it is given. */
    static final class RecordingHandler implements ExceptionHandler {

        record Failure(String message, Throwable exception, Exchange exchange) {
        }

        final List<Failure> failures = new CopyOnWriteArrayList<>();

        @Override
        public void handleException(Throwable exception) {
            failures.add(new Failure(null, exception, null));
        }

        @Override
        public void handleException(String message, Throwable exception) {
            failures.add(new Failure(message, exception, null));
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            failures.add(new Failure(message, exception, exchange));
        }
    }
}
