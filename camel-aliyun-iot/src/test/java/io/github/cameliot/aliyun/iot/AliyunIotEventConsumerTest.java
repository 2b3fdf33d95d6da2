package io.github.cameliot.aliyun.iot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.test.PollCounter;
import io.github.cameliot.cloudapi.test.RecordingExceptionHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
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

/**
 * {@code aliyun-iot:event} against a fake IoT Platform: the events of one type of every device of the product (listed
 * over several QueryDevice pages), each once, with their times given as text; a restart of the route and then a new
 * CamelContext on the same file state resume without repeats or gaps; and the checks of the options at start.
 */
class AliyunIotEventConsumerTest {

    static final String ACCESS_KEY_ID = "LTAI5tEventPollTest00000";
    static final String ACCESS_KEY_SECRET = "EventPollTestSecret0000000000000";
    static final String PK = FakeIotPlatform.PRODUCT_KEY;

    /** What the route received. */
    record Delivery(String productKey, String deviceName, String identifier, Long time, Map<String, Object> body) {

        static Delivery of(Exchange exchange) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = exchange.getMessage().getBody(Map.class);
            return new Delivery(exchange.getMessage().getHeader(AliyunIotConstants.PRODUCT_KEY, String.class),
                    exchange.getMessage().getHeader(AliyunIotConstants.DEVICE_NAME, String.class),
                    exchange.getMessage().getHeader(AliyunIotConstants.IDENTIFIER, String.class),
                    exchange.getMessage().getHeader(AliyunIotConstants.RECORD_TIME, Long.class), body);
        }

        /** Device, identifier and the event's output {@code n}. */
        String value() {
            return deviceName + "/" + identifier + "=" + Json.readMap((String) body.get("OutputData")).get("n");
        }
    }

    @TempDir
    Path dir;

    private FakeIotPlatform platform;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final RecordingExceptionHandler failures = new RecordingExceptionHandler();
    private final long base = System.currentTimeMillis() - 30 * 60 * 1000;

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

    private CamelContext context(String options, PollCounter polls, StateRepository<String, String> state) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("polls", polls);
        context.getRegistry().bind("failures", failures);
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aliyun-iot:event?regionId=cn-shanghai&endpoint=" + platform.url() + "&accessKeyId=" + ACCESS_KEY_ID
                     + "&accessKeySecret=RAW(" + ACCESS_KEY_SECRET + ")&delay=10&initialDelay=0&pollStrategy=#polls"
                     + "&exceptionHandler=#failures&rateLimit=false&maxRetries=0&stateRepository=#state&" + options)
                        .routeId("events").process(exchange -> received.add(Delivery.of(exchange)));
            }
        });
        contexts.add(context);
        context.start();
        return context;
    }

    private List<String> values(int from) {
        return received.subList(from, received.size()).stream().map(Delivery::value).toList();
    }

    private void event(String device, String identifier, String type, long time, int n) {
        platform.event(device, identifier, type, time, Map.of("n", n));
    }

    @Test
    void deliversTheEventsOfOneTypeOfEveryDeviceOnce() throws Exception {
        for (int i = 1; i <= 4; i++) {
            platform.add("d" + i);
        }
        event("d1", "overheat", "alert", base + 1, 1);
        event("d1", "overheat", "info", base + 2, 2);
        event("d1", "overheat", "alert", base + 3, 3);
        event("d1", "overheat", "alert", base + 3, 4);
        event("d1", "overheat", "alert", base + 3, 5);
        event("d3", "overheat", "alert", base + 1, 6);
        event("d2", "lowBattery", "alert", base + 2, 7);

        PollCounter polls = new PollCounter();
        context("productKey=" + PK + "&identifiers=overheat,lowBattery&eventType=alert&lookBack=1h&pageSize=3"
                + "&iotInstanceId=iot-06z00fake", polls, new MemoryStateRepository());
        polls.awaitPolls(4);

        // QueryDevice lists the newest device first; pages of 3 records: the three alerts at base + 3 take two
        assertThat(values(0)).containsExactly("d3/overheat=6", "d2/lowBattery=7", "d1/overheat=1", "d1/overheat=3",
                "d1/overheat=4", "d1/overheat=5");
        Delivery first = received.get(0);
        assertThat(first.productKey()).isEqualTo(PK);
        assertThat(first.time()).isEqualTo(base + 1);
        assertThat(first.body()).containsEntry("Time", Long.toString(base + 1)).containsEntry("EventType", "alert")
                .containsEntry("Identifier", "overheat").containsKeys("Name", "OutputData");
        assertThat(platform.calls("QueryDeviceEventData")).allSatisfy(call -> assertThat(call.parameters())
                .containsEntry("EventType", "alert").containsEntry("Asc", "1").containsEntry("PageSize", "3"));
        assertThat(platform.calls("QueryDevice")).extracting(call -> call.get("CurrentPage")).startsWith("1", "2");
        // the instance goes with every call
        assertThat(platform.calls()).allSatisfy(call -> assertThat(call.parameters())
                .containsEntry("IotInstanceId", "iot-06z00fake"));

        polls.awaitPolls(4);
        assertThat(received).hasSize(6);

        event("d1", "overheat", "alert", base + 7, 8);
        event("d1", "overheat", "error", base + 8, 9);
        event("d2", "overheat", "alert", base + 5, 10);
        polls.awaitPolls(2);
        assertThat(values(6)).containsExactlyInAnyOrder("d1/overheat=8", "d2/overheat=10");
        polls.awaitPolls(3);
        assertThat(received).hasSize(8);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
    }

    @Test
    void aRestartedRouteAndANewContextResumeWithoutRepeatsOrGaps() throws Exception {
        platform.add("dev1");
        event("dev1", "overheat", "alert", base + 1, 1);
        event("dev1", "overheat", "alert", base + 2, 2);
        Path file = dir.resolve("event-state.txt");
        String options = "productKey=" + PK + "&deviceNames=dev1&identifiers=overheat&lookBack=1h&pageSize=2";

        PollCounter polls = new PollCounter();
        CamelContext first = context(options, polls, FileStateRepository.fileStateRepository(file.toFile()));
        polls.awaitPolls(3);
        assertThat(values(0)).containsExactly("dev1/overheat=1", "dev1/overheat=2");

        // the route stops and starts again
        first.getRouteController().stopRoute("events");
        event("dev1", "overheat", "alert", base + 2, 3);
        event("dev1", "overheat", "alert", base + 4, 4);
        first.getRouteController().startRoute("events");
        polls.awaitPolls(3);
        assertThat(values(2)).containsExactly("dev1/overheat=3", "dev1/overheat=4");
        first.stop();

        // a new CamelContext on the same file
        event("dev1", "overheat", "alert", base + 4, 5);
        event("dev1", "overheat", "alert", base + 6, 6);
        PollCounter after = new PollCounter();
        context(options, after, FileStateRepository.fileStateRepository(file.toFile()));
        after.awaitPolls(3);
        assertThat(values(4)).containsExactly("dev1/overheat=5", "dev1/overheat=6");
        assertThat(failures.handled()).isEmpty();
    }

    @Test
    void refusesToStartWithoutIdentifiersOrWithAnUnknownEventType() {
        MemoryStateRepository state = new MemoryStateRepository();
        assertThatThrownBy(() -> context("productKey=" + PK, new PollCounter(), state))
                .hasStackTraceContaining("aliyun-iot:event needs the identifiers option");
        assertThatThrownBy(() -> context("identifiers=overheat", new PollCounter(), state))
                .hasStackTraceContaining("aliyun-iot:event needs the productKey option");
        assertThatThrownBy(() -> context("productKey=" + PK + "&identifiers=overheat&eventType=warning", new PollCounter(),
                state)).hasStackTraceContaining("the eventType option must be info, alert or error, not warning");
        assertThat(platform.calls()).isEmpty();
    }
}
