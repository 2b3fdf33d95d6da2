package io.github.cameliot.tencent.iot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.test.PollCounter;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two nodes (Camel contexts in this JVM) run the same {@code master:} route around {@code tencent-iot:shadow}, with a
 * file lock cluster service on a shared directory and their state in a shared file. Only the leader polls (the fake
 * IoT Hub tells the nodes apart by their API keys); when the leader stops, the other node takes over and carries on
 * from the shared state, without replaying what the leader delivered.
 */
class TencentIotMasterFailoverTest {

    static final String SECRET_ID_A = "AKIDnodeA000000000000000000000000000";
    static final String SECRET_KEY_A = "nodeASecretKey000000000000000000";
    static final String SECRET_ID_B = "AKIDnodeB000000000000000000000000000";
    static final String SECRET_KEY_B = "nodeBSecretKey000000000000000000";

    record Delivery(String node, Long version) {
    }

    @TempDir
    Path dir;

    private FakeIotHub hub;
    private Node a;
    private Node b;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    final class Node {
        final String name;
        final String secretId;
        final PollCounter polls = new PollCounter();
        final CamelContext context = new DefaultCamelContext();

        Node(String name, String secretId, String secretKey) throws Exception {
            this.name = name;
            this.secretId = secretId;
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setId(name);
            cluster.setRoot(dir.resolve("cluster").toString());
            cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
            context.addService(cluster);
            context.getRegistry().bind("polls", polls);
            context.getRegistry().bind("state", FileStateRepository.fileStateRepository(dir.resolve("state.txt").toFile()));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("master:tencent-shadow:tencent-iot:shadow?region=ap-guangzhou&endpoint=" + hub.url() + "&secretId="
                         + secretId + "&secretKey=" + secretKey + "&productId=" + FakeIotHub.PRODUCT_ID
                         + "&deviceNames=dev1&delay=20&initialDelay=0&pollStrategy=#polls&stateRepository=#state"
                         + "&rateLimit=false&maxRetries=0")
                            .routeId("shadow-" + name)
                            .process(exchange -> received.add(new Delivery(name,
                                    exchange.getMessage().getHeader(TencentIotConstants.SHADOW_VERSION, Long.class))));
                }
            });
        }

        long describedShadows() {
            return hub.calls("DescribeDeviceShadow").stream().filter(call -> call.secretId().equals(secretId)).count();
        }
    }

    @BeforeEach
    void start() throws Exception {
        hub = new FakeIotHub(Map.of(SECRET_ID_A, SECRET_KEY_A, SECRET_ID_B, SECRET_KEY_B));
        hub.add("dev1", 1);
        a = new Node("node-a", SECRET_ID_A, SECRET_KEY_A);
        b = new Node("node-b", SECRET_ID_B, SECRET_KEY_B);
    }

    @AfterEach
    void stop() {
        a.context.stop();
        b.context.stop();
        hub.close();
        assertThat(hub.signatureErrors()).isEmpty();
    }

    @Test
    void onlyTheLeaderPollsAndTheOtherNodeTakesOverWhenItStops() throws Exception {
        a.context.start();
        b.context.start();
        PollCounter.await(() -> a.polls.finished() + b.polls.finished() >= 3, "a leader's polls");
        Node leader = a.polls.finished() > 0 ? a : b;
        Node follower = leader == a ? b : a;

        // several of the leader's polls (and lock rounds of the follower): the follower never polls
        leader.polls.awaitPolls(10);
        assertThat(follower.polls.finished()).isZero();
        assertThat(follower.describedShadows()).isZero();
        assertThat(leader.describedShadows()).isGreaterThanOrEqualTo(10);
        long v2 = hub.desire("dev1", "color", "blue");
        leader.polls.awaitPolls(2);
        assertThat(received).extracting(Delivery::node, Delivery::version)
                .containsExactly(tuple(leader.name, 1L), tuple(leader.name, v2));

        // the leader goes away: the follower takes the lock and polls, and it knows what the leader delivered
        leader.context.stop();
        long leaderCalls = leader.describedShadows();
        PollCounter.await(() -> follower.polls.finished() >= 3, "the follower's polls after the failover");
        assertThat(follower.describedShadows()).isPositive();
        assertThat(received).hasSize(2);
        long v3 = hub.report("dev1", "color", "blue");
        follower.polls.awaitPolls(2);
        assertThat(received).extracting(Delivery::node, Delivery::version)
                .containsExactly(tuple(leader.name, 1L), tuple(leader.name, v2), tuple(follower.name, v3));
        follower.polls.awaitPolls(3);
        assertThat(received).hasSize(3);
        assertThat(leader.describedShadows()).isEqualTo(leaderCalls);
    }
}
