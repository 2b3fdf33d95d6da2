package io.github.cameliot.tencent.trocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance tests of RocketMQ messaging against a real RocketMQ 5.3.3 (namesrv + LOCAL proxy with its broker, a
 * child JVM): the Camel producer sends, routes consume.
 */
class TencentTrocketTopicStreamTest extends RocketMqTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void everyOneOfTenThousandMessagesIsProcessed() throws Exception {
        String topic = unique("bulk");
        String group = unique("g-bulk");
        server().createTopic(topic, "NORMAL", 8);
        server().createGroup(group, 16, false);
        Counts byId = new Counts();
        Counts byBody = new Counts();
        CamelContext consuming = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&concurrentConsumers=4&maxMessagesInFlight=128"
                                     + "&receiveBatchSize=32"))
                        .process(e -> {
                            byId.add(e.getMessage().getHeader(TencentTrocketConstants.MESSAGE_ID, String.class));
                            byBody.add(e.getMessage().getBody(String.class));
                        });
            }
        });
        int n = 10_000;
        List<String> bodies = bodies("m", n);
        List<String> ids = sendAll(consuming, topicUri(topic, ""), bodies, Map.of());
        assertThat(new HashSet<>(ids)).hasSize(n);

        await("all " + n + " messages processed", WAIT, () -> byId.containsAll(ids),
                () -> byId.distinct() + " distinct of " + n);
        assertThat(byBody.containsAll(bodies)).isTrue();
        assertThat(byId.distinct()).isEqualTo(n);
        // no failure, no stop: each message once
        assertThat(byId.duplicates()).isZero();
        TencentTrocketTopicConsumer consumer = (TencentTrocketTopicConsumer) consuming.getRoutes().get(0).getConsumer();
        await("every message acknowledged", WAIT, () -> consumer.inFlight() == 0, consumer::inFlight);
    }

    @Test
    void failedMessagesAreRedeliveredAndAfterTheRetryLimitDeadLettered() throws Exception {
        String topic = unique("fail");
        String group = unique("g-fail");
        int maxRetries = 2;
        server().createTopic(topic, "NORMAL", 4);
        server().createGroup(group, maxRetries, false);
        int n = 200;
        Set<String> transientFailures = ConcurrentHashMap.newKeySet();
        Set<String> poison = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) {
                transientFailures.add("f" + i);
            } else if (i % 25 == 1) {
                poison.add("f" + i);
            }
        }
        Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
        Counts succeeded = new Counts();
        context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&concurrentConsumers=4&retryDelay=1000"))
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            int attempt = e.getMessage().getHeader(TencentTrocketConstants.DELIVERY_ATTEMPT, Integer.class);
                            attempts.computeIfAbsent(body, k -> Collections.synchronizedList(new ArrayList<>())).add(attempt);
                            if (poison.contains(body) || (transientFailures.contains(body) && attempt == 1)) {
                                throw new IllegalStateException("failing " + body + " on attempt " + attempt);
                            }
                            succeeded.add(body);
                        });
            }
        });
        sendAll(context(null), topicUri(topic, ""), bodies("f", n), Map.of());

        Set<String> healthy = new HashSet<>(bodies("f", n));
        healthy.removeAll(poison);
        await("every message but the poison processed", WAIT, () -> succeeded.containsAll(healthy),
                () -> succeeded.distinct() + " of " + healthy.size());
        for (String body : transientFailures) {
            // failed on the first attempt, so not acknowledged: the server delivered it again, and that one succeeded
            assertThat(attempts.get(body)).as(body).startsWith(1, 2);
            assertThat(succeeded.get(body)).as(body).isEqualTo(1);
        }
        assertThat(succeeded.duplicates()).isZero();

        // the poison messages: 1 + maxRetries attempts, then the dead-letter queue
        Counts dead = new Counts();
        RouteBuilder deadLetters = new RouteBuilder() {
            @Override
            public void configure() {
                // %DLQ% written %25DLQ%25 in the URI
                from(topicUri("%25DLQ%25" + group, "consumerGroup=" + unique("g-dlq")))
                        .process(e -> dead.add(e.getMessage().getBody(String.class)));
            }
        };
        // the server creates the dead-letter topic when it moves the first message there: until then the consumer
        // cannot start (no route for the topic)
        await("the dead-letter topic %DLQ%" + group, WAIT, () -> {
            try {
                context(deadLetters);
                return true;
            } catch (Exception notYet) {
                pause();
                return false;
            }
        }, () -> poison.stream().map(attempts::get).toList());
        await("the poison messages in %DLQ%" + group, WAIT, () -> dead.containsAll(poison),
                () -> dead.counts.keySet() + " attempts " + poison.stream().map(attempts::get).toList());
        assertThat(dead.counts.keySet()).containsExactlyInAnyOrderElementsOf(poison);
        for (String body : poison) {
            assertThat(attempts.get(body)).as(body).containsExactly(1, 2, 3);
            assertThat(succeeded.get(body)).isZero();
        }
    }

    @Test
    void stoppingAndStartingTheConsumingContextMidStreamLosesNothing() throws Exception {
        String topic = unique("restart");
        String group = unique("g-restart");
        server().createTopic(topic, "NORMAL", 4);
        server().createGroup(group, 16, false);
        int n = 3000;
        int window = 32;
        Counts processed = new Counts();
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&concurrentConsumers=2&maxMessagesInFlight=" + window
                                     + "&retryDelay=1000"))
                        .process(e -> processed.add(e.getMessage().getBody(String.class)));
            }
        };
        CamelContext first = context(routes);
        List<String> bodies = bodies("r", n);
        sendAll(context(null), topicUri(topic, ""), bodies, Map.of());
        await("a third processed", WAIT, () -> processed.distinct() >= n / 3, processed::distinct);
        first.stop();
        int atStop = processed.distinct();
        assertThat(atStop).isLessThan(n);

        context(routes);
        await("all processed after the restart", WAIT, () -> processed.containsAll(bodies), processed::distinct);
        // graceful stop: the exchanges in flight finished and were acknowledged; at most the window is seen twice
        assertThat(processed.duplicates()).isLessThanOrEqualTo(window);
    }

    @Test
    void twoContextsInOneGroupShareTheStream() throws Exception {
        String topic = unique("shared");
        String group = unique("g-shared");
        server().createTopic(topic, "NORMAL", 8);
        server().createGroup(group, 16, false);
        Counts a = new Counts();
        Counts b = new Counts();
        Counts all = new Counts();
        for (Counts counts : List.of(a, b)) {
            context(new RouteBuilder() {
                @Override
                public void configure() {
                    from(topicUri(topic, "consumerGroup=" + group + "&concurrentConsumers=2&receiveBatchSize=4"))
                            .process(e -> {
                                String body = e.getMessage().getBody(String.class);
                                counts.add(body);
                                all.add(body);
                                // a little work, so that both consumers get their share
                                TimeUnit.MILLISECONDS.sleep(1);
                            });
                }
            });
        }
        int n = 2000;
        List<String> bodies = bodies("s", n);
        sendAll(context(null), topicUri(topic, ""), bodies, Map.of());
        await("all processed", WAIT, () -> all.containsAll(bodies), all::distinct);
        assertThat(all.duplicates()).isZero();
        assertThat(a.distinct()).isPositive();
        assertThat(b.distinct()).isPositive();
        assertThat(a.total() + b.total()).isEqualTo(n);
    }

    @Test
    void fifoGroupsArriveInOrderAndAFailureBlocksItsGroup() throws Exception {
        String topic = unique("fifo");
        String group = unique("g-fifo");
        server().createTopic(topic, "FIFO", 4);
        server().createGroup(group, 16, true);
        int groups = 5;
        int perGroup = 60;
        Map<String, List<Integer>> order = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&concurrentConsumers=4&retryDelay=1000"))
                        .process(e -> {
                            String messageGroup = e.getMessage().getHeader(TencentTrocketConstants.MESSAGE_GROUP, String.class);
                            int seq = Integer.parseInt(e.getMessage().getBody(String.class).split(":")[1]);
                            // group o1 fails at 10 on the first attempt: 11 and later must wait for its redelivery
                            // (by what this route saw: the server's delivery attempt of a FIFO message lags behind)
                            if ("o1".equals(messageGroup) && seq == 10 && seen.add("o1:10")) {
                                failures.incrementAndGet();
                                throw new IllegalStateException("failing o1:10 once");
                            }
                            order.computeIfAbsent(messageGroup, k -> Collections.synchronizedList(new ArrayList<>())).add(seq);
                        });
            }
        });
        CamelContext sending = context(null);
        // each group's messages one after another (FIFO is per producer and group); the groups side by side
        List<Thread> senders = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            String messageGroup = "o" + g;
            Thread sender = new Thread(() -> {
                var template = sending.createProducerTemplate();
                for (int i = 0; i < perGroup; i++) {
                    template.sendBodyAndHeader(topicUri(topic, ""), messageGroup + ":" + i,
                            TencentTrocketConstants.MESSAGE_GROUP, messageGroup);
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        await("every group complete", WAIT,
                () -> order.size() == groups && order.values().stream().allMatch(l -> l.size() >= perGroup),
                () -> order);
        assertThat(failures.get()).isEqualTo(1);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perGroup; i++) {
            expected.add(i);
        }
        for (int g = 0; g < groups; g++) {
            assertThat(order.get("o" + g)).as("group o" + g).containsExactlyElementsOf(expected);
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLongRouteHasItsInvisibleDurationExtended() throws Exception {
        assertThat(longRouteDeliveries(true)).as("with extension").isEqualTo(1);
    }

    @Test
    void withoutExtensionALongRouteSeesItsMessageAgain() throws Exception {
        // the control of the test above: the same route without extension sees its message delivered again
        assertThat(longRouteDeliveries(false)).as("without extension").isGreaterThan(1);
    }

    /** How often a message is delivered while its route takes 4 times its invisible duration. */
    private int longRouteDeliveries(boolean extend) throws Exception {
        String topic = unique("long");
        String group = unique("g-long");
        server().createTopic(topic, "NORMAL", 1);
        server().createGroup(group, 16, false);
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch redelivered = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        long invisible = 2000;
        context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&concurrentConsumers=2&invisibleDuration=" + invisible
                                     + "&extendInvisibleDuration=" + extend))
                        .process(e -> {
                            if (deliveries.incrementAndGet() > 1) {
                                redelivered.countDown();
                                return;
                            }
                            // the long route: busy for 4 invisible durations (without extension: until the message
                            // came again, which proves it can)
                            redelivered.await(extend ? 4 * invisible : 30_000, TimeUnit.MILLISECONDS);
                            finished.countDown();
                        });
            }
        });
        sendAll(context(null), topicUri(topic, ""), List.of("long"), Map.of());
        assertThat(finished.await(60, TimeUnit.SECONDS)).isTrue();
        return deliveries.get();
    }
}
