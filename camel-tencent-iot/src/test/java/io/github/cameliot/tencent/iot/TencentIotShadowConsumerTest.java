package io.github.cameliot.tencent.iot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.test.PollCounter;
import io.github.cameliot.cloudapi.test.RecordingExceptionHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code tencent-iot:shadow} against a fake IoT Hub whose shadows change between polls: one exchange per new version,
 * none while nothing changes, resumption from a file state after a restart, and no advance when the route fails.
 */
class TencentIotShadowConsumerTest {

    static final String SECRET_ID = "AKIDshadowtest000000000000000000000";
    static final String SECRET_KEY = "shadowTestSecretKey0000000000000";

    /** What the route received. */
    record Delivery(String productId, String deviceName, Long version, Map<String, Object> body) {

        static Delivery of(Exchange exchange) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = exchange.getMessage().getBody(Map.class);
            return new Delivery(exchange.getMessage().getHeader(TencentIotConstants.PRODUCT_ID, String.class),
                    exchange.getMessage().getHeader(TencentIotConstants.DEVICE_NAME, String.class),
                    exchange.getMessage().getHeader(TencentIotConstants.SHADOW_VERSION, Long.class), body);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeIotHub hub;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final RecordingExceptionHandler failures = new RecordingExceptionHandler();

    @BeforeEach
    void startHub() throws Exception {
        hub = new FakeIotHub(Map.of(SECRET_ID, SECRET_KEY));
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        hub.close();
        assertThat(hub.signatureErrors()).isEmpty();
    }

    private String uri(String options) {
        return "tencent-iot:shadow?region=ap-guangzhou&endpoint=" + hub.url() + "&secretId=" + SECRET_ID + "&secretKey="
               + SECRET_KEY + "&productId=" + FakeIotHub.PRODUCT_ID + "&delay=10&initialDelay=0&pollStrategy=#polls"
               + "&exceptionHandler=#failures&rateLimit=false&maxRetries=0" + (options.isEmpty() ? "" : "&" + options);
    }

    private CamelContext start(String options, PollCounter polls, StateRepository<String, String> state, Processor route)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("polls", polls);
        context.getRegistry().bind("failures", failures);
        if (state != null) {
            context.getRegistry().bind("state", state);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(options + (state != null ? "&stateRepository=#state" : ""))).routeId("shadow").process(route);
            }
        });
        context.start();
        contexts.add(context);
        return context;
    }

    private CamelContext start(String options, PollCounter polls, StateRepository<String, String> state) throws Exception {
        return start(options, polls, state, exchange -> received.add(Delivery.of(exchange)));
    }

    @Test
    void deliversOneExchangePerNewVersionAndNothingWhileUnchanged() throws Exception {
        hub.add("dev1", 1);
        hub.add("dev2", 0);
        hub.desire("dev1", "color", "blue");
        hub.desire("dev1", "light", Map.of("on", true, "level", 5));
        hub.report("dev1", "color", "red");
        hub.report("dev1", "light", Map.of("on", true, "level", 3));
        long v1 = hub.report("dev1", "temp", 21.5);

        PollCounter polls = new PollCounter();
        start("deviceNames=dev1,dev2", polls, null);
        polls.awaitPolls(4);

        assertThat(received).extracting(Delivery::deviceName, Delivery::version)
                .containsExactly(tuple("dev1", v1), tuple("dev2", 1L));
        Delivery first = received.get(0);
        assertThat(first.productId()).isEqualTo("P1");
        assertThat(first.body()).containsOnlyKeys("productId", "deviceName", "version", "desired", "reported", "delta",
                "timestamp");
        assertThat(first.body()).contains(entry("productId", "P1"), entry("deviceName", "dev1"), entry("version", v1),
                entry("timestamp", 1700000000000L + v1));
        assertJson(first.body().get("desired"), "{\"color\":\"blue\",\"light\":{\"on\":true,\"level\":5}}");
        assertJson(first.body().get("reported"), "{\"color\":\"red\",\"light\":{\"on\":true,\"level\":3},\"temp\":21.5}");
        // only what the device has not reported yet, nested objects entry by entry
        assertJson(first.body().get("delta"), "{\"color\":\"blue\",\"light\":{\"level\":5}}");
        assertJson(received.get(1).body().get("delta"), "{}");

        // several polls of unchanged shadows: nothing
        polls.awaitPolls(5);
        assertThat(received).hasSize(2);

        long v2 = hub.report("dev1", "color", "blue");
        polls.awaitPolls(2);
        assertThat(received).hasSize(3);
        assertThat(received.get(2).deviceName()).isEqualTo("dev1");
        assertThat(received.get(2).version()).isEqualTo(v2);
        assertJson(received.get(2).body().get("delta"), "{\"light\":{\"level\":5}}");

        long v3 = hub.desire("dev2", "fan", 2);
        long v4 = hub.report("dev1", "light", Map.of("on", true, "level", 5));
        polls.awaitPolls(2);
        assertThat(received.subList(3, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactly(tuple("dev1", v4), tuple("dev2", v3));
        assertJson(received.get(3).body().get("delta"), "{}");
        assertJson(received.get(4).body().get("delta"), "{\"fan\":2}");

        polls.awaitPolls(4);
        assertThat(received).hasSize(5);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
        // deviceNames set: the devices are not listed
        assertThat(hub.calls("DescribeDevices")).isEmpty();
    }

    @Test
    void watchesEveryDeviceOfTheProductAcrossPagesAndSkipsDevicesWithoutShadow() throws Exception {
        for (int i = 1; i <= 5; i++) {
            hub.add("d" + i, i % 2);
        }
        hub.noShadow("d3");

        PollCounter polls = new PollCounter();
        start("", polls, null);
        polls.awaitPolls(3);
        assertThat(received).extracting(Delivery::deviceName).containsExactly("d1", "d2", "d4", "d5");

        // three pages of at most 2 devices, each asked with the catalog's largest Limit
        List<FakeIotHub.Call> listed = hub.calls("DescribeDevices");
        assertThat(listed.subList(0, 3)).extracting(call -> ((Number) call.request().get("Offset")).intValue())
                .containsExactly(0, 2, 4);
        assertThat(listed).allSatisfy(call -> assertThat(call.request()).containsEntry("Limit", 250));
        assertThat(hub.calls("DescribeDeviceShadow")).extracting(FakeIotHub.Call::deviceName).contains("d3");

        hub.add("d6", 1);
        long v = hub.desire("d5", "mode", "eco");
        polls.awaitPolls(2);
        assertThat(received.subList(4, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactly(tuple("d5", v), tuple("d6", 1L));

        polls.awaitPolls(3);
        assertThat(received).hasSize(6);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
    }

    @Test
    void resumesAfterARestartFromAFileStateWithoutReplayOrGap() throws Exception {
        hub.add("dev1", 1);
        hub.add("dev2", 1);
        Path file = dir.resolve("shadow-state.txt");

        PollCounter polls = new PollCounter();
        CamelContext first = start("deviceNames=dev1,dev2", polls, FileStateRepository.fileStateRepository(file.toFile()));
        polls.awaitPolls(3);
        long v2 = hub.desire("dev1", "color", "blue");
        polls.awaitPolls(2);
        assertThat(received).extracting(Delivery::deviceName, Delivery::version).containsExactly(
                tuple("dev1", 1L), tuple("dev2", 1L),
                tuple("dev1", v2));
        first.stop();

        // changed while nothing polls
        long v3 = hub.report("dev2", "color", "green");
        assertThat(Files.readString(file)).contains("shadow/P1/dev1=" + v2, "shadow/P1/dev2=1");

        PollCounter after = new PollCounter();
        start("deviceNames=dev1,dev2", after, FileStateRepository.fileStateRepository(file.toFile()));
        after.awaitPolls(4);
        assertThat(received.subList(3, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactly(tuple("dev2", v3));
        assertThat(failures.handled()).isEmpty();
    }

    @Test
    void aFailedExchangeDoesNotAdvanceTheCursor() throws Exception {
        hub.add("dev1", 1);
        MemoryStateRepository state = new MemoryStateRepository();
        List<Long> attempts = new CopyOnWriteArrayList<>();
        Set<Long> failedOnce = ConcurrentHashMap.newKeySet();

        PollCounter polls = new PollCounter();
        start("deviceNames=dev1", polls, state, exchange -> {
            Delivery delivery = Delivery.of(exchange);
            attempts.add(delivery.version());
            if (failedOnce.add(delivery.version())) {
                throw new IllegalStateException("the route fails the first delivery of version " + delivery.version());
            }
            received.add(delivery);
        });
        polls.awaitPolls(4);
        assertThat(attempts).containsExactly(1L, 1L);
        assertThat(received).extracting(Delivery::version).containsExactly(1L);
        assertThat(state.getState("shadow/P1/dev1")).isEqualTo("1");

        long v2 = hub.desire("dev1", "color", "blue");
        polls.awaitPolls(4);
        assertThat(attempts).containsExactly(1L, 1L, v2, v2);
        assertThat(received).extracting(Delivery::version).containsExactly(1L, v2);
        assertThat(state.getState("shadow/P1/dev1")).isEqualTo(String.valueOf(v2));

        // each failure went to the consumer's exception handler; the poll itself did not fail
        assertThat(failures.handled()).hasSize(2).allSatisfy(handled -> {
            assertThat(handled.exception()).isInstanceOf(IllegalStateException.class);
            assertThat(handled.message()).contains("P1/dev1").contains("delivered again on the next poll");
        });
        assertThat(polls.failed()).isZero();
    }

    /** Compares as JSON, whatever the order of the keys. */
    private static void assertJson(Object actual, String expected) {
        try {
            assertThat(MAPPER.readTree(Json.writeString(actual))).isEqualTo(MAPPER.readTree(expected));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void deltaKeepsTheDesiredEntriesTheDeviceHasNotReported() {
        Map<String, Object> desired = Json.readMap(
                "{\"a\":1,\"b\":1.50,\"c\":\"x\",\"d\":{\"e\":true,\"f\":{\"g\":1}},\"h\":[1,2],\"i\":{\"j\":1},\"k\":null,\"l\":3}");
        Map<String, Object> reported = Json.readMap(
                "{\"a\":1.0,\"b\":1.5,\"c\":\"y\",\"d\":{\"e\":true,\"f\":{\"g\":2}},\"h\":[1,2],\"i\":7,\"m\":1}");
        Map<String, Object> expected = new LinkedHashMap<>(Json.readMap("{\"c\":\"x\",\"d\":{\"f\":{\"g\":1}},\"i\":{\"j\":1},\"l\":3}"));
        assertThat(Json.writeString(TencentIotShadowConsumer.delta(desired, reported))).isEqualTo(Json.writeString(expected));
        assertThat(TencentIotShadowConsumer.delta(Map.of(), reported)).isEmpty();
        assertThat(TencentIotShadowConsumer.same(List.of(1, 2), List.of(1.0, 2))).isTrue();
        assertThat(TencentIotShadowConsumer.same(List.of(1, 2), List.of(2, 1))).isFalse();
    }
}
