package io.github.cameliot.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.github.cameliot.testsupport.rocketmq.RocketMqTestServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;

/**
 * Consume throughput of a Camel route on {@code tencent-trocket:topic} against the raw rocketmq-client-java
 * SimpleConsumer, on the same RocketMQ 5.3.3 test server (a child JVM), in the same run. Each consumer group reads the
 * whole preloaded topic once; raw and Camel alternate, {@code rounds} times each. Not JMH: one pass over N messages is
 * one measurement. Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.cameliot.benchmarks.TopicConsumeThroughput
 * [messages] [rounds]}; see docs/performance.md.
 */
public final class TopicConsumeThroughput {

    static final int BATCH = 32;
    static final int IN_FLIGHT = 256;
    static final int THREADS = 2;

    private TopicConsumeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        ClientServiceProvider provider = ClientServiceProvider.loadService();
        try (RocketMqTestServer server = RocketMqTestServer.start()) {
            String topic = "bench";
            server.createTopic(topic, "NORMAL", 8);
            ClientConfiguration client = ClientConfiguration.newBuilder().setEndpoints(server.endpoint())
                    .setRequestTimeout(Duration.ofSeconds(10)).build();
            List<String> groups = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                groups.add("raw-" + r);
                groups.add("camel-" + r);
            }
            for (String group : groups) {
                server.createGroup(group, 16, false);
                // a first (empty) receive sets the group's position at the start of the still empty topic
                try (SimpleConsumer consumer = simpleConsumer(provider, client, group, topic, Duration.ofMillis(200))) {
                    consumer.receive(1, Duration.ofSeconds(30));
                }
            }
            long loadStart = System.nanoTime();
            preload(provider, client, topic, messages);
            System.out.printf("preloaded %,d messages of 256 bytes in %.1f s%n", messages,
                    (System.nanoTime() - loadStart) / 1e9);

            List<String> results = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double raw = raw(provider, client, "raw-" + r, topic, messages);
                results.add(String.format("round %d raw SimpleConsumer : %,10.0f msg/s", r + 1, raw));
                System.out.println(results.get(results.size() - 1));
                double camel = camel(server, "camel-" + r, topic, messages);
                results.add(String.format("round %d Camel route       : %,10.0f msg/s", r + 1, camel));
                System.out.println(results.get(results.size() - 1));
            }
            System.out.println();
            System.out.printf("%,d messages, receive batch %d, %d messages in flight, %d processing threads%n", messages,
                    BATCH, IN_FLIGHT, THREADS);
            results.forEach(System.out::println);
        }
    }

    static SimpleConsumer simpleConsumer(ClientServiceProvider provider, ClientConfiguration client, String group,
            String topic, Duration await) throws Exception {
        return provider.newSimpleConsumerBuilder().setClientConfiguration(client).setConsumerGroup(group)
                .setAwaitDuration(await).setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL)).build();
    }

    static void preload(ClientServiceProvider provider, ClientConfiguration client, String topic, int messages)
            throws Exception {
        byte[] body = new byte[256];
        try (Producer producer = provider.newProducerBuilder().setClientConfiguration(client).setTopics(topic).build()) {
            Semaphore window = new Semaphore(1000);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                window.acquire();
                CompletableFuture<?> f = producer.sendAsync(provider.newMessageBuilder().setTopic(topic).setBody(body)
                        .setKeys("k" + i).build());
                f.whenComplete((r, e) -> window.release());
                sent.add(f);
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }
    }

    /**
     * The raw client doing what the Camel consumer does, minus Camel: one thread receives up to 32 at a time, within
     * 256 unacknowledged; two threads "process" (count) and acknowledge asynchronously.
     */
    static double raw(ClientServiceProvider provider, ClientConfiguration client, String group, String topic, int messages)
            throws Exception {
        LongAdder processed = new LongAdder();
        CountDownLatch done = new CountDownLatch(messages);
        Semaphore permits = new Semaphore(IN_FLIGHT);
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try (SimpleConsumer consumer = simpleConsumer(provider, client, group, topic, Duration.ofSeconds(5))) {
            Thread receiver = new Thread(() -> {
                while (running.get()) {
                    try {
                        permits.acquire();
                        int wanted = 1;
                        while (wanted < BATCH && permits.tryAcquire()) {
                            wanted++;
                        }
                        List<MessageView> views = consumer.receive(wanted, Duration.ofSeconds(60));
                        permits.release(wanted - views.size());
                        for (MessageView view : views) {
                            workers.execute(() -> {
                                processed.increment();
                                done.countDown();
                                consumer.ackAsync(view).whenComplete((r, e) -> permits.release());
                            });
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        if (running.get()) {
                            e.printStackTrace();
                        }
                    }
                }
            });
            receiver.start();
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("raw: only " + processed.sum() + " of " + messages);
            }
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            running.set(false);
            receiver.interrupt();
            receiver.join(30_000);
            return rate;
        } finally {
            workers.shutdownNow();
        }
    }

    static double camel(RocketMqTestServer server, String group, String topic, int messages) throws Exception {
        CountDownLatch done = new CountDownLatch(messages);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-trocket:topic:" + topic + "?accessPoint=" + server.endpoint() + "&consumerGroup=" + group
                     + "&concurrentConsumers=" + THREADS + "&maxMessagesInFlight=" + IN_FLIGHT + "&receiveBatchSize=" + BATCH)
                        .process(e -> done.countDown());
            }
        });
        long start = System.nanoTime();
        context.start();
        try {
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("camel: only " + (messages - done.getCount()) + " of " + messages);
            }
            // the route has processed them all; acknowledgements may still be under way, as in the raw loop's count
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            context.stop();
        }
    }
}
