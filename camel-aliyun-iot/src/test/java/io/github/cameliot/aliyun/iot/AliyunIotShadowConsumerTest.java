package io.github.cameliot.aliyun.iot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.test.LogCapture;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code aliyun-iot:shadow} against a fake IoT Platform whose shadows change between polls: one exchange per new
 * version, none while nothing changes, every device of the product over several QueryDevice pages, resumption from a
 * file state after a restart, no advance when the route fails, and the checks of the options at start.
 */
class AliyunIotShadowConsumerTest {

    static final String ACCESS_KEY_ID = "LTAI5tShadowPollTest0000";
    static final String ACCESS_KEY_SECRET = "ShadowPollTestSecret000000000000";

    /** What the route received. */
    record Delivery(String productKey, String deviceName, Long version, Map<String, Object> body) {

        static Delivery of(Exchange exchange) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = exchange.getMessage().getBody(Map.class);
            return new Delivery(exchange.getMessage().getHeader(AliyunIotConstants.PRODUCT_KEY, String.class),
                    exchange.getMessage().getHeader(AliyunIotConstants.DEVICE_NAME, String.class),
                    exchange.getMessage().getHeader(AliyunIotConstants.SHADOW_VERSION, Long.class), body);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeIotPlatform platform;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final RecordingExceptionHandler failures = new RecordingExceptionHandler();

    @BeforeEach
    void startPlatform() throws Exception {
        platform = new FakeIotPlatform(Map.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET));
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        platform.close();
        assertThat(platform.signatureErrors()).isEmpty();
    }

    private String uri(String options) {
        return "aliyun-iot:shadow?regionId=cn-shanghai&endpoint=" + platform.url() + "&accessKeyId=" + ACCESS_KEY_ID
               + "&accessKeySecret=RAW(" + ACCESS_KEY_SECRET + ")&delay=10&initialDelay=0&pollStrategy=#polls"
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
        contexts.add(context);
        context.start();
        return context;
    }

    private CamelContext start(String options, PollCounter polls, StateRepository<String, String> state) throws Exception {
        return start(options, polls, state, exchange -> received.add(Delivery.of(exchange)));
    }

    @Test
    void deliversOneExchangePerNewVersionAndNothingWhileUnchanged() throws Exception {
        platform.add("dev1");
        platform.add("dev2");
        platform.desire("dev1", "color", "blue");
        long v1 = platform.report("dev1", "color", "red");
        platform.desire("dev2", "fan", 1);

        PollCounter polls = new PollCounter();
        start("productKey=" + FakeIotPlatform.PRODUCT_KEY + "&deviceNames=dev1,dev2", polls, null);
        polls.awaitPolls(4);

        assertThat(received).extracting(Delivery::productKey, Delivery::deviceName, Delivery::version)
                .containsExactly(tuple(FakeIotPlatform.PRODUCT_KEY, "dev1", v1), tuple(FakeIotPlatform.PRODUCT_KEY, "dev2", 1L));
        // the body is the shadow document as the platform returns it
        assertJson(received.get(0).body(), "{\"state\":{\"desired\":{\"color\":\"blue\"},\"reported\":{\"color\":\"red\"}},"
                                           + "\"metadata\":{\"desired\":{\"color\":{\"timestamp\":1700000000}},"
                                           + "\"reported\":{\"color\":{\"timestamp\":1700000000}}},"
                                           + "\"timestamp\":" + (1700000000L + v1) + ",\"version\":" + v1 + "}");

        // several polls of unchanged shadows: nothing
        polls.awaitPolls(5);
        assertThat(received).hasSize(2);

        long v2 = platform.report("dev1", "color", "blue");
        polls.awaitPolls(2);
        assertThat(received.subList(2, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactly(tuple("dev1", v2));

        long v3 = platform.desire("dev2", "fan", 2);
        long v4 = platform.report("dev1", "temp", 21.5);
        polls.awaitPolls(2);
        // a poll under way while the test changes the shadows may see one change before the other
        assertThat(received.subList(3, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactlyInAnyOrder(tuple("dev1", v4), tuple("dev2", v3));

        polls.awaitPolls(4);
        assertThat(received).hasSize(5);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
        // deviceNames set: the devices are not listed
        assertThat(platform.calls("QueryDevice")).isEmpty();
        assertThat(platform.calls("GetDeviceShadow")).allSatisfy(call -> assertThat(call.parameters())
                .containsOnlyKeys("ProductKey", "DeviceName").containsEntry("ProductKey", FakeIotPlatform.PRODUCT_KEY));
    }

    @Test
    void watchesEveryDeviceOfTheProductAcrossPagesAndSkipsDevicesWithoutShadow() throws Exception {
        for (int i = 1; i <= 5; i++) {
            platform.add("d" + i);
            if (i != 3) {
                platform.desire("d" + i, "mode", "auto");
            }
        }

        PollCounter polls = new PollCounter();
        start("productKey=" + FakeIotPlatform.PRODUCT_KEY + "&pageSize=2", polls, null);
        polls.awaitPolls(3);
        // QueryDevice lists the newest device first
        assertThat(received).extracting(Delivery::deviceName).containsExactly("d5", "d4", "d2", "d1");

        // three pages of at most 2 devices
        List<FakeIotPlatform.Call> listed = platform.calls("QueryDevice");
        assertThat(listed.subList(0, 3)).extracting(call -> call.get("CurrentPage"), call -> call.get("PageSize"))
                .containsExactly(tuple("1", "2"), tuple("2", "2"), tuple("3", "2"));
        assertThat(platform.calls("GetDeviceShadow")).extracting(call -> call.get("DeviceName")).contains("d3");

        platform.add("d6");
        platform.desire("d6", "mode", "eco");
        long v = platform.desire("d1", "mode", "eco");
        platform.desire("d3", "mode", "eco");
        polls.awaitPolls(2);
        assertThat(received.subList(4, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactlyInAnyOrder(tuple("d6", 1L), tuple("d3", 1L), tuple("d1", v));

        polls.awaitPolls(3);
        assertThat(received).hasSize(7);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
    }

    @Test
    void aDeviceThatDoesNotExistIsSkipped() throws Exception {
        platform.add("dev1");
        platform.desire("dev1", "color", "blue");

        PollCounter polls = new PollCounter();
        try (LogCapture logs = LogCapture.start()) {
            start("productKey=" + FakeIotPlatform.PRODUCT_KEY + "&deviceNames=ghost,dev1", polls, null);
            polls.awaitPolls(3);
            assertThat(logs.lines()).anyMatch(line -> line.contains(FakeIotPlatform.PRODUCT_KEY + "/ghost does not exist"));
        }
        assertThat(received).extracting(Delivery::deviceName, Delivery::version).containsExactly(tuple("dev1", 1L));
        assertThat(polls.failed()).isZero();
    }

    @Test
    void resumesAfterARestartFromAFileStateWithoutReplayOrGap() throws Exception {
        platform.add("dev1");
        platform.add("dev2");
        platform.desire("dev1", "color", "red");
        platform.desire("dev2", "color", "red");
        Path file = dir.resolve("shadow-state.txt");
        String options = "productKey=" + FakeIotPlatform.PRODUCT_KEY + "&deviceNames=dev1,dev2";

        PollCounter polls = new PollCounter();
        CamelContext first = start(options, polls, FileStateRepository.fileStateRepository(file.toFile()));
        polls.awaitPolls(3);
        long v2 = platform.desire("dev1", "color", "blue");
        polls.awaitPolls(2);
        assertThat(received).extracting(Delivery::deviceName, Delivery::version).containsExactly(
                tuple("dev1", 1L), tuple("dev2", 1L),
                tuple("dev1", v2));
        first.stop();

        // changed while nothing polls
        long v3 = platform.report("dev2", "color", "green");
        assertThat(Files.readString(file)).contains("shadow/" + FakeIotPlatform.PRODUCT_KEY + "/dev1=" + v2,
                "shadow/" + FakeIotPlatform.PRODUCT_KEY + "/dev2=1");

        PollCounter after = new PollCounter();
        start(options, after, FileStateRepository.fileStateRepository(file.toFile()));
        after.awaitPolls(4);
        assertThat(received.subList(3, received.size())).extracting(Delivery::deviceName, Delivery::version)
                .containsExactly(tuple("dev2", v3));
        assertThat(failures.handled()).isEmpty();
    }

    @Test
    void aFailedExchangeDoesNotAdvanceTheVersion() throws Exception {
        platform.add("dev1");
        platform.desire("dev1", "color", "red");
        MemoryStateRepository state = new MemoryStateRepository();
        List<Long> attempts = new CopyOnWriteArrayList<>();
        Set<Long> failedOnce = ConcurrentHashMap.newKeySet();

        PollCounter polls = new PollCounter();
        start("productKey=" + FakeIotPlatform.PRODUCT_KEY + "&deviceNames=dev1", polls, state, exchange -> {
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
        String key = "shadow/" + FakeIotPlatform.PRODUCT_KEY + "/dev1";
        assertThat(state.getState(key)).isEqualTo("1");

        long v2 = platform.desire("dev1", "color", "blue");
        polls.awaitPolls(4);
        assertThat(attempts).containsExactly(1L, 1L, v2, v2);
        assertThat(received).extracting(Delivery::version).containsExactly(1L, v2);
        assertThat(state.getState(key)).isEqualTo(String.valueOf(v2));

        // each failure went to the consumer's exception handler; the poll itself did not fail
        assertThat(failures.handled()).hasSize(2).allSatisfy(handled -> {
            assertThat(handled.exception()).isInstanceOf(IllegalStateException.class);
            assertThat(handled.message()).contains(FakeIotPlatform.PRODUCT_KEY + "/dev1")
                    .contains("delivered again on the next poll");
        });
        assertThat(polls.failed()).isZero();
    }

    @Test
    void refusesToStartWithoutAProductKeyOrWithABadPageSize() {
        assertThatThrownBy(() -> start("deviceNames=dev1", new PollCounter(), null))
                .hasStackTraceContaining("aliyun-iot:shadow needs the productKey option");
        assertThatThrownBy(() -> start("productKey=" + FakeIotPlatform.PRODUCT_KEY + "&pageSize=51", new PollCounter(), null))
                .hasStackTraceContaining("the pageSize option must be 1 to 50, not 51");
        assertThat(platform.calls()).isEmpty();
    }

    /** Compares as JSON, whatever the order of the keys. */
    private static void assertJson(Object actual, String expected) {
        try {
            assertThat(MAPPER.readTree(Json.writeString(actual))).isEqualTo(MAPPER.readTree(expected));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
