package io.github.cameliot.aliyun.iot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameliot.cloudapi.camel.HistoryCursor;
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
 * {@code aliyun-iot:property} against a fake IoT Platform whose property history grows between polls, read in pages
 * of two records: each record exactly once, those sharing a millisecond included (across a page boundary, identical
 * ones, and one recorded at the last delivered millisecond after it was delivered), resumption from a file state by a
 * new CamelContext, a failed exchange delivered again without anything after it delivered first, and the checks of
 * the options at start.
 */
class AliyunIotPropertyConsumerTest {

    static final String ACCESS_KEY_ID = "LTAI5tPropertyPollTest00";
    static final String ACCESS_KEY_SECRET = "PropertyPollTestSecret0000000000";
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

        /** Device, identifier and value: what a record is in these tests. */
        String value() {
            return deviceName + "/" + identifier + "=" + body.get("Value");
        }
    }

    @TempDir
    Path dir;

    private FakeIotPlatform platform;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final RecordingExceptionHandler failures = new RecordingExceptionHandler();
    /** A time half an hour ago: the records of the tests are recorded from here on. */
    private final long base = System.currentTimeMillis() - 30 * 60 * 1000;

    @BeforeEach
    void startPlatform() throws Exception {
        platform = new FakeIotPlatform(Map.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET));
        platform.add("dev1");
        platform.add("dev2");
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        platform.close();
        assertThat(platform.signatureErrors()).isEmpty();
    }

    private String uri(String options) {
        return "aliyun-iot:property?regionId=cn-shanghai&endpoint=" + platform.url() + "&accessKeyId=" + ACCESS_KEY_ID
               + "&accessKeySecret=RAW(" + ACCESS_KEY_SECRET + ")&delay=10&initialDelay=0&pollStrategy=#polls"
               + "&exceptionHandler=#failures&rateLimit=false&maxRetries=0" + (options.isEmpty() ? "" : "&" + options);
    }

    private CamelContext start(String options, PollCounter polls, StateRepository<String, String> state, Processor route)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("polls", polls);
        context.getRegistry().bind("failures", failures);
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(options + "&stateRepository=#state")).routeId("property").process(route);
            }
        });
        contexts.add(context);
        context.start();
        return context;
    }

    private CamelContext start(String options, PollCounter polls, StateRepository<String, String> state) throws Exception {
        return start(options, polls, state, exchange -> received.add(Delivery.of(exchange)));
    }

    private List<String> values(int from) {
        return received.subList(from, received.size()).stream().map(Delivery::value).toList();
    }

    @Test
    void deliversEachRecordOnceAcrossPagesWithThoseThatShareAMillisecond() throws Exception {
        // pages of 2: 21 and 22 share a millisecond across the first page boundary (the page's NextTime lies past
        // it), the two 23 are identical records of one millisecond
        platform.property("dev1", "temp", base + 1, "20");
        platform.property("dev1", "temp", base + 2, "21");
        platform.property("dev1", "temp", base + 2, "22");
        platform.property("dev1", "temp", base + 3, "23");
        platform.property("dev1", "temp", base + 3, "23");
        platform.property("dev1", "temp", base + 4, "24");
        platform.property("dev1", "humidity", base + 1, "50");
        platform.property("dev2", "temp", base + 5, "30");
        MemoryStateRepository state = new MemoryStateRepository();

        PollCounter polls = new PollCounter();
        start("productKey=" + PK + "&deviceNames=dev1,dev2&identifiers=temp,humidity&lookBack=1h&pageSize=2", polls, state);
        polls.awaitPolls(4);

        assertThat(values(0)).containsExactly("dev1/temp=20", "dev1/temp=21", "dev1/temp=22", "dev1/temp=23",
                "dev1/temp=23", "dev1/temp=24", "dev1/humidity=50", "dev2/temp=30");
        Delivery first = received.get(0);
        assertThat(first.productKey()).isEqualTo(PK);
        assertThat(first.identifier()).isEqualTo("temp");
        assertThat(first.time()).isEqualTo(base + 1);
        assertThat(first.body()).containsOnlyKeys("Value", "Time").containsEntry("Value", "20");

        // every query: ascending, from the cursor to now, pages of 2, the device by ProductKey and DeviceName
        List<FakeIotPlatform.Call> queries = platform.calls("QueryDevicePropertyData");
        assertThat(queries).allSatisfy(call -> {
            assertThat(call.parameters()).containsOnlyKeys("ProductKey", "DeviceName", "Identifier", "StartTime", "EndTime",
                    "PageSize", "Asc");
            assertThat(call.parameters()).containsEntry("ProductKey", PK).containsEntry("Asc", "1")
                    .containsEntry("PageSize", "2");
            assertThat(call.number("StartTime")).isLessThan(call.number("EndTime"));
        });
        // with an empty state, the stream starts lookBack (an hour) before now
        FakeIotPlatform.Call firstQuery = queries.get(0);
        assertThat(firstQuery.number("EndTime") - firstQuery.number("StartTime")).isEqualTo(60 * 60 * 1000);

        // polls without new records deliver nothing
        polls.awaitPolls(5);
        assertThat(received).hasSize(8);

        // one more record at the millisecond last delivered, recorded after it was delivered, and a later one
        platform.property("dev1", "temp", base + 4, "25");
        platform.property("dev1", "temp", base + 10, "26");
        platform.property("dev2", "humidity", base + 6, "60");
        polls.awaitPolls(2);
        assertThat(values(8)).containsExactlyInAnyOrder("dev1/temp=25", "dev1/temp=26", "dev2/humidity=60");
        polls.awaitPolls(3);
        assertThat(received).hasSize(11);

        // the cursor of each stream: the last record's time and what was delivered at that millisecond
        HistoryCursor cursor = HistoryCursor.parse(state.getState("property/" + PK + "/dev1/temp"));
        assertThat(cursor.time()).isEqualTo(base + 10);
        assertThat(cursor.deliveredAtTime()).isEqualTo(1);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
    }

    @Test
    void withoutLookBackAStreamStartsNowAndAStopLosesNothing() throws Exception {
        platform.property("dev1", "temp", base, "before");
        Path file = dir.resolve("property-state.txt");
        String options = "productKey=" + PK + "&deviceNames=dev1&identifiers=temp";

        PollCounter polls = new PollCounter();
        CamelContext first = start(options, polls, FileStateRepository.fileStateRepository(file.toFile()));
        polls.awaitPolls(2);
        // the start is stored at once: a time alone, nothing delivered at it
        String key = "property/" + PK + "/dev1/temp=";
        assertThat(Files.readAllLines(file)).filteredOn(line -> line.startsWith(key)).singleElement()
                .satisfies(line -> assertThat(Long.parseLong(line.substring(key.length()))).isGreaterThan(base));

        long t1 = System.currentTimeMillis();
        platform.property("dev1", "temp", t1, "a");
        polls.awaitPolls(2);
        assertThat(values(0)).containsExactly("dev1/temp=a");
        first.stop();

        // recorded while the application is stopped: one at the millisecond last delivered, one later
        platform.property("dev1", "temp", t1, "b");
        platform.property("dev1", "temp", t1 + 1, "c");

        // a new CamelContext on the same file
        PollCounter after = new PollCounter();
        start(options, after, FileStateRepository.fileStateRepository(file.toFile()));
        after.awaitPolls(3);
        assertThat(values(0)).containsExactly("dev1/temp=a", "dev1/temp=b", "dev1/temp=c");
        assertThat(failures.handled()).isEmpty();
    }

    @Test
    void aFailedExchangeEndsItsStreamForThePollAndIsDeliveredAgain() throws Exception {
        platform.property("dev1", "temp", base + 1, "a");
        platform.property("dev1", "temp", base + 1, "b");
        platform.property("dev1", "temp", base + 1, "c");
        platform.property("dev1", "temp", base + 2, "d");
        platform.property("dev1", "humidity", base + 1, "h");
        MemoryStateRepository state = new MemoryStateRepository();
        List<String> attempts = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();

        PollCounter polls = new PollCounter();
        start("productKey=" + PK + "&deviceNames=dev1&identifiers=temp,humidity&lookBack=1h&pageSize=3", polls, state,
                exchange -> {
                    Delivery delivery = Delivery.of(exchange);
                    attempts.add(delivery.value());
                    if (delivery.value().equals("dev1/temp=b") && failedOnce.add(delivery.value())) {
                        throw new IllegalStateException("the route fails the first delivery of b");
                    }
                    received.add(delivery);
                });
        polls.awaitPolls(4);

        // b fails: c and d wait for the next poll, the other stream (humidity) goes on
        assertThat(attempts).containsExactly("dev1/temp=a", "dev1/temp=b", "dev1/humidity=h",
                "dev1/temp=b", "dev1/temp=c", "dev1/temp=d");
        assertThat(values(0)).containsExactly("dev1/temp=a", "dev1/humidity=h", "dev1/temp=b", "dev1/temp=c", "dev1/temp=d");
        assertThat(HistoryCursor.parse(state.getState("property/" + PK + "/dev1/temp")).time()).isEqualTo(base + 2);

        assertThat(failures.handled()).singleElement().satisfies(handled -> {
            assertThat(handled.exception()).isInstanceOf(IllegalStateException.class);
            assertThat(handled.message()).contains(PK + "/dev1 temp at " + (base + 1))
                    .contains("delivered again on the next poll");
        });
        assertThat(polls.failed()).isZero();
    }

    @Test
    void refusesToStartWithoutTheRequiredOptions() {
        MemoryStateRepository state = new MemoryStateRepository();
        assertThatThrownBy(() -> start("deviceNames=dev1&identifiers=temp", new PollCounter(), state))
                .hasStackTraceContaining("aliyun-iot:property needs the productKey option");
        assertThatThrownBy(() -> start("productKey=" + PK + "&deviceNames=dev1", new PollCounter(), state))
                .hasStackTraceContaining("aliyun-iot:property needs the identifiers option");
        assertThatThrownBy(() -> start("productKey=" + PK + "&identifiers=temp&lookBack=31d", new PollCounter(), state))
                .hasStackTraceContaining("the lookBack option must be 0 to 30 days");
        assertThat(platform.calls()).isEmpty();
    }
}
