package io.github.cameliot.tencent.trocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.cameliot.testsupport.rocketmq.RocketMqTestServer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RocketMqServerExtension.class)
abstract class RocketMqTestSupport {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private final List<CamelContext> contexts = new ArrayList<>();

    static RocketMqTestServer server() {
        return RocketMqServerExtension.server();
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    static String topicUri(String topic, String options) {
        return "tencent-trocket:topic:" + topic + "?accessPoint=" + server().endpoint() + (options.isEmpty() ? "" : "&" + options);
    }

    CamelContext context(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(30);
        context.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        if (routes != null) {
            context.addRoutes(routes);
        }
        contexts.add(context);
        context.start();
        return context;
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
        contexts.clear();
    }

    /**
     * Sends bodies through the Camel producer asynchronously, at most 1000 in flight, and returns the message ids in
     * the order of the bodies.
     */
    static List<String> sendAll(CamelContext context, String uri, List<String> bodies, Map<String, Object> headers)
            throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        try {
            Semaphore window = new Semaphore(1000);
            List<CompletableFuture<Exchange>> sent = new ArrayList<>(bodies.size());
            for (String body : bodies) {
                window.acquire();
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(body);
                exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
                CompletableFuture<Exchange> future = producer.processAsync(exchange);
                future.whenComplete((e, t) -> window.release());
                sent.add(future);
            }
            List<String> ids = new ArrayList<>(bodies.size());
            for (CompletableFuture<Exchange> future : sent) {
                Exchange done = future.get(60, TimeUnit.SECONDS);
                assertThat(done.getException()).isNull();
                ids.add(done.getMessage().getHeader(TencentTrocketConstants.MESSAGE_ID, String.class));
            }
            return ids;
        } finally {
            producer.stop();
        }
    }

    static List<String> bodies(String prefix, int n) {
        List<String> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bodies.add(prefix + i);
        }
        return bodies;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; state: " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Counts how often each key was seen. */
    static final class Counts {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        int add(String key) {
            return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        int distinct() {
            return counts.size();
        }

        int total() {
            return counts.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int duplicates() {
            return total() - distinct();
        }

        boolean containsAll(Collection<String> keys) {
            return counts.keySet().containsAll(keys);
        }

        int get(String key) {
            AtomicInteger count = counts.get(key);
            return count == null ? 0 : count.get();
        }
    }
}
