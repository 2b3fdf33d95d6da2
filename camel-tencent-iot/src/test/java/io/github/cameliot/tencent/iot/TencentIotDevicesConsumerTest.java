package io.github.cameliot.tencent.iot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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

import static io.github.cameliot.tencent.iot.TencentIotDevicesConsumer.DEVICE_ADDED;
import static io.github.cameliot.tencent.iot.TencentIotDevicesConsumer.DEVICE_REMOVED;
import static io.github.cameliot.tencent.iot.TencentIotDevicesConsumer.DISABLED;
import static io.github.cameliot.tencent.iot.TencentIotDevicesConsumer.ENABLED;
import static io.github.cameliot.tencent.iot.TencentIotDevicesConsumer.OFFLINE;
import static io.github.cameliot.tencent.iot.TencentIotDevicesConsumer.ONLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code tencent-iot:devices} against a fake IoT Hub whose devices change between polls, listed over several pages:
 * each lifecycle event exactly once, failed events delivered again, and resumption from a file state.
 */
class TencentIotDevicesConsumerTest {

    static final String SECRET_ID = "AKIDdevicestest00000000000000000000";
    static final String SECRET_KEY = "devicesTestSecretKey000000000000";

    /** What the route received. */
    record Event(String type, String productId, String deviceName, Map<String, Object> body) {

        static Event of(Exchange exchange) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = exchange.getMessage().getBody(Map.class);
            return new Event(exchange.getMessage().getHeader(TencentIotConstants.EVENT_TYPE, String.class),
                    exchange.getMessage().getHeader(TencentIotConstants.PRODUCT_ID, String.class),
                    exchange.getMessage().getHeader(TencentIotConstants.DEVICE_NAME, String.class), body);
        }

        String key() {
            return type + ":" + deviceName;
        }
    }

    @TempDir
    Path dir;

    private FakeIotHub hub;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<Event> received = new CopyOnWriteArrayList<>();
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

    private CamelContext start(PollCounter polls, StateRepository<String, String> state, Processor route) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("polls", polls);
        context.getRegistry().bind("failures", failures);
        context.getRegistry().bind("state", state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-iot:devices?region=ap-guangzhou&endpoint=" + hub.url() + "&secretId=" + SECRET_ID
                     + "&secretKey=" + SECRET_KEY + "&productId=" + FakeIotHub.PRODUCT_ID + "&delay=10&initialDelay=0"
                     + "&pollStrategy=#polls&exceptionHandler=#failures&stateRepository=#state&rateLimit=false&maxRetries=0")
                        .routeId("devices").process(route);
            }
        });
        context.start();
        contexts.add(context);
        return context;
    }

    private CamelContext start(PollCounter polls, StateRepository<String, String> state) throws Exception {
        return start(polls, state, exchange -> received.add(Event.of(exchange)));
    }

    private List<Event> since(int index) {
        return received.subList(index, received.size());
    }

    @Test
    void reportsEachLifecycleEventExactlyOnceAcrossPages() throws Exception {
        hub.add("d1", 0);
        hub.add("d2", 1);
        hub.add("d3", 1);
        hub.add("d4", 0);
        hub.add("d5", 3);
        MemoryStateRepository state = new MemoryStateRepository();

        PollCounter polls = new PollCounter();
        start(polls, state);
        polls.awaitPolls(3);
        // an empty state: every existing device is added, with its DeviceInfo as the body
        assertThat(received).extracting(Event::type, Event::deviceName).containsExactly(tuple(DEVICE_ADDED, "d1"),
                tuple(DEVICE_ADDED, "d2"), tuple(DEVICE_ADDED, "d3"), tuple(DEVICE_ADDED, "d4"), tuple(DEVICE_ADDED, "d5"));
        assertThat(received).allSatisfy(event -> assertThat(event.productId()).isEqualTo("P1"));
        assertThat(received.get(1).body()).containsEntry("DeviceName", "d2").containsEntry("Online", 1)
                .containsEntry("EnableState", 1).containsKeys("LoginTime", "Version", "CreateTime");
        // three pages of at most two devices, each asked for with the catalog's largest Limit
        assertThat(hub.calls("DescribeDevices").subList(0, 3))
                .extracting(call -> call.request().get("Offset"), call -> call.request().get("Limit"))
                .containsExactly(tuple(0, 250), tuple(2, 250), tuple(4, 250));
        assertThat(state.getState("devices/P1")).isEqualTo("d1,d2,d3,d4,d5");
        assertThat(state.getState("device/P1/d2")).isEqualTo("{\"Online\":1,\"EnableState\":1}");

        polls.awaitPolls(4);
        assertThat(received).hasSize(5);

        int mark = received.size();
        hub.online("d1", 1);
        hub.online("d2", 0);
        hub.enableState("d3", 0);
        hub.remove("d4");
        hub.online("d5", 0); // not activated -> offline: no event
        hub.add("d6", 1);
        polls.awaitPolls(2);
        assertThat(since(mark)).extracting(Event::type, Event::deviceName).containsExactly(tuple(ONLINE, "d1"),
                tuple(OFFLINE, "d2"), tuple(DISABLED, "d3"), tuple(DEVICE_ADDED, "d6"), tuple(DEVICE_REMOVED, "d4"));
        assertThat(since(mark).get(0).body()).containsEntry("DeviceName", "d1").containsEntry("Online", 1);
        assertThat(since(mark).get(2).body()).containsEntry("DeviceName", "d3").containsEntry("EnableState", 0);
        assertThat(since(mark).get(4).body()).containsEntry("DeviceName", "d4");
        assertThat(since(mark).get(4).productId()).isEqualTo("P1");

        polls.awaitPolls(4);
        assertThat(since(mark)).hasSize(5);
        assertThat(state.getState("devices/P1")).isEqualTo("d1,d2,d3,d5,d6");

        mark = received.size();
        hub.enableState("d3", 1);
        hub.online("d2", 1);
        hub.online("d5", 1);
        hub.online("d6", 0);
        hub.enableState("d6", 0);
        polls.awaitPolls(2);
        assertThat(since(mark)).extracting(Event::type, Event::deviceName).containsExactly(tuple(ONLINE, "d2"),
                tuple(ENABLED, "d3"), tuple(ONLINE, "d5"), tuple(OFFLINE, "d6"), tuple(DISABLED, "d6"));
        polls.awaitPolls(4);
        assertThat(since(mark)).hasSize(5);
        assertThat(failures.handled()).isEmpty();
        assertThat(polls.failed()).isZero();
    }

    @Test
    void aFailedEventIsDeliveredAgainOnTheNextPoll() throws Exception {
        hub.add("d1", 0);
        hub.add("d2", 0);
        hub.add("d3", 0);
        MemoryStateRepository state = new MemoryStateRepository();
        List<String> attempts = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Set<String> toFail = Set.of(DEVICE_ADDED + ":d2", ONLINE + ":d1", DEVICE_REMOVED + ":d3");

        PollCounter polls = new PollCounter();
        start(polls, state, exchange -> {
            Event event = Event.of(exchange);
            attempts.add(event.key());
            if (toFail.contains(event.key()) && failedOnce.add(event.key())) {
                throw new IllegalStateException("the route fails the first delivery of " + event.key());
            }
            received.add(event);
        });
        polls.awaitPolls(4);
        assertThat(attempts).containsExactly("DeviceAdded:d1", "DeviceAdded:d2", "DeviceAdded:d3", "DeviceAdded:d2");
        assertThat(received).extracting(Event::key).containsExactly("DeviceAdded:d1", "DeviceAdded:d3", "DeviceAdded:d2");

        // two events of one device: the failed one is delivered again, the other is not
        attempts.clear();
        hub.online("d1", 1);
        hub.enableState("d1", 0);
        hub.remove("d3");
        polls.awaitPolls(4);
        assertThat(attempts).containsExactly("Online:d1", "Disabled:d1", "DeviceRemoved:d3", "Online:d1", "DeviceRemoved:d3");
        polls.awaitPolls(2);
        assertThat(attempts).hasSize(5);
        assertThat(state.getState("device/P1/d1")).isEqualTo("{\"Online\":1,\"EnableState\":0}");
        assertThat(state.getState("device/P1/d3")).isEmpty();
        assertThat(state.getState("devices/P1")).isEqualTo("d1,d2");

        assertThat(failures.handled()).hasSize(3)
                .allSatisfy(handled -> assertThat(handled.exception()).isInstanceOf(IllegalStateException.class));
        assertThat(polls.failed()).isZero();
    }

    @Test
    void aDeviceShiftedOutOfTheListingIsNotTakenForRemoved() throws Exception {
        for (int i = 1; i <= 5; i++) {
            hub.add("d" + i, 0);
        }
        MemoryStateRepository state = new MemoryStateRepository();
        PollCounter polls = new PollCounter();
        start(polls, state);
        polls.awaitPolls(3);
        assertThat(received).hasSize(5);

        // d1 is deleted after the first page was fetched: the second page then starts at d4, and d3 is not listed
        hub.beforePage(2, () -> hub.remove("d1"));
        polls.awaitPolls(2);
        PollCounter.await(() -> !received.subList(5, received.size()).isEmpty(), "the removal of d1");
        polls.awaitPolls(3);
        assertThat(since(5)).extracting(Event::key).containsExactly("DeviceRemoved:d1");
        // d3 was missing from one listing: DescribeDevice said it still exists
        assertThat(hub.calls("DescribeDevice")).extracting(FakeIotHub.Call::deviceName).contains("d3", "d1");
        assertThat(state.getState("devices/P1")).isEqualTo("d2,d3,d4,d5");
        assertThat(failures.handled()).isEmpty();
    }

    @Test
    void resumesAfterARestartFromAFileState() throws Exception {
        hub.add("d1", 0);
        hub.add("d2", 1);
        hub.add("d3", 1);
        Path file = dir.resolve("devices-state.txt");

        PollCounter polls = new PollCounter();
        CamelContext first = start(polls, FileStateRepository.fileStateRepository(file.toFile()));
        polls.awaitPolls(3);
        assertThat(received).extracting(Event::key).containsExactly("DeviceAdded:d1", "DeviceAdded:d2", "DeviceAdded:d3");
        first.stop();

        // changed while nothing polls
        hub.online("d1", 1);
        hub.remove("d2");
        hub.add("d4", 0);

        PollCounter after = new PollCounter();
        start(after, FileStateRepository.fileStateRepository(file.toFile()));
        after.awaitPolls(5);
        assertThat(since(3)).extracting(Event::key).containsExactly("Online:d1", "DeviceAdded:d4", "DeviceRemoved:d2");
        assertThat(failures.handled()).isEmpty();
    }
}
