package io.github.cameliot.tencent.trocket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.FilterExpressionType;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a RocketMQ topic for a consumer group with the 5.x client's {@link SimpleConsumer}: each message becomes an
 * exchange, and its fate on the server follows the exchange's.
 * <p>
 * <b>Why the SimpleConsumer.</b> The 5.x PushConsumer acknowledges when its listener returns, on its own threads, with
 * its own cache of messages and its own retry backoff: an asynchronous route (whose exchange completes on another
 * thread) would be acknowledged too early or block a thread per message, and the consumer could neither bound the
 * messages it holds, nor renew a message's invisible duration, nor choose the retry delay. The SimpleConsumer hands
 * over exactly these controls (receive, ack, changeInvisibleDuration), so this class decides them:
 * <ul>
 * <li><b>Acknowledgement after the route.</b> A message is acknowledged ({@code ack}) only when its exchange completed
 * without an exception (and was not marked rollback-only). A failed exchange goes to the consumer's exception handler
 * and its message is not acknowledged: its invisible duration is changed to {@code retryDelay}, after which the server
 * delivers it again with a higher delivery attempt; after the group's retry limit ({@code MaxRetryTimes}) the server
 * moves it to the dead-letter queue {@code %DLQ%<group>}. If that change fails, the message comes back when its
 * invisible duration ends. Delivery is at least once.</li>
 * <li><b>Invisible duration.</b> Messages are received with {@code invisibleDuration}; with
 * {@code extendInvisibleDuration} (the default) each message still in the route at two thirds of it is given a new
 * {@code invisibleDuration}, again and again, so that a long route never sees its message delivered again. The
 * requests on one message (extension, ack, retry) are chained, each one with the receipt handle the previous one
 * returned.</li>
 * <li><b>Bounded, concurrent.</b> One thread receives (long polling for {@code awaitDuration}), never asking for more
 * messages than {@code maxMessagesInFlight} leaves room for: a message holds its place from its receipt until its ack
 * or retry is answered. {@code concurrentConsumers} threads hand the messages to the route, through the asynchronous
 * processor.</li>
 * <li><b>FIFO.</b> Messages that carry a message group (of a FIFO topic, consumed by a FIFO group, for which the
 * server hands out a group's messages only in order) are processed one at a time per group, in the order received,
 * different groups in parallel. When one fails, the group's messages received after it are not processed but given
 * back with it (retry delay), so the server delivers them again after it, in order: a failed message blocks its group
 * until it is redelivered.</li>
 * <li><b>Stop.</b> Receiving stops; messages received but not yet in the route are given back (retry delay); the
 * exchanges in the route are waited for, up to the shutdown strategy's timeout, and their messages acknowledged or
 * given back; then the client closes. A message whose answer is lost is delivered again after its invisible duration:
 * duplicates are limited to the messages in flight when a consumer dies.</li>
 * </ul>
 * Several consumers of one group (routes, Camel contexts, JVMs) share the topic: each message goes to one of them.
 */
public class TencentTrocketTopicConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentTrocketTopicConsumer.class);
    private static final long PERMIT_POLL_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final ClientServiceProvider provider = ClientServiceProvider.loadService();
    /** Counts messages received and not yet settled (acknowledged or given back), for stop and for tests. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The FIFO message groups that have messages in hand, by group; guarded by itself. */
    private final Map<String, Lane> lanes = new HashMap<>();
    private final Object idle = new Object();

    private volatile boolean running;
    private volatile SimpleConsumer consumer;
    private Semaphore permits;
    private ExecutorService receiver;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private CompletableFuture<Void> receiving;

    public TencentTrocketTopicConsumer(TencentTrocketEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TencentTrocketEndpoint getEndpoint() {
        return (TencentTrocketEndpoint) super.getEndpoint();
    }

    private TencentTrocketConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TencentTrocketEndpoint endpoint = getEndpoint();
        TencentTrocketClientSettings.validate(endpoint, true);
        TencentTrocketConfiguration c = configuration();
        ClientConfiguration client = TencentTrocketClientSettings.clientConfiguration(endpoint);
        FilterExpression filter = new FilterExpression(c.getFilterExpression(),
                FilterExpressionType.valueOf(c.getFilterExpressionType().toUpperCase(Locale.ROOT)));
        consumer = provider.newSimpleConsumerBuilder()
                .setClientConfiguration(client)
                .setConsumerGroup(c.getConsumerGroup())
                .setAwaitDuration(Duration.ofMillis(c.getAwaitDuration()))
                .setSubscriptionExpressions(Map.of(endpoint.getName(), filter))
                .build();
        permits = new Semaphore(c.getMaxMessagesInFlight());
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        receiver = executors.newSingleThreadExecutor(this, "TencentTrocketReceive[" + endpoint.getName() + "]");
        workers = executors.newFixedThreadPool(this, "TencentTrocketConsume[" + endpoint.getName() + "]",
                c.getConcurrentConsumers());
        scheduler = executors.newSingleThreadScheduledExecutor(this, "TencentTrocketInvisible[" + endpoint.getName() + "]");
        running = true;
        receiving = CompletableFuture.runAsync(this::receiveLoop, receiver);
        LOG.info("tencent-trocket: consuming topic {} ({} {}) for group {} from {}", endpoint.getName(),
                c.getFilterExpressionType(), c.getFilterExpression(), c.getConsumerGroup(),
                TencentTrocketClientSettings.describe(client));
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        ShutdownStrategy shutdown = getEndpoint().getCamelContext().getShutdownStrategy();
        long timeoutMillis = shutdown.getTimeUnit().toMillis(shutdown.getTimeout());
        long deadline = System.currentTimeMillis() + timeoutMillis;
        if (receiving != null) {
            try {
                receiving.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.debug("tencent-trocket: the receive loop did not end cleanly", e);
            }
        }
        if (!awaitIdle(deadline)) {
            LOG.warn("tencent-trocket: {} messages of topic {} still in flight after {} ms; closing, the server delivers "
                     + "them again after their invisible duration", inFlight.get(), getEndpoint().getName(), timeoutMillis);
        }
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (receiver != null) {
            executors.shutdownNow(receiver);
            receiver = null;
        }
        if (workers != null) {
            executors.shutdownNow(workers);
            workers = null;
        }
        if (scheduler != null) {
            executors.shutdownNow(scheduler);
            scheduler = null;
        }
        SimpleConsumer current = consumer;
        consumer = null;
        if (current != null) {
            current.close();
        }
        synchronized (lanes) {
            lanes.clear();
        }
        super.doStop();
    }

    /** Messages received and not yet acknowledged or given back. */
    int inFlight() {
        return inFlight.get();
    }

    private boolean awaitIdle(long deadline) throws InterruptedException {
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.min(left, PERMIT_POLL_MILLIS));
            }
        }
        return true;
    }

    private void receiveLoop() {
        TencentTrocketConfiguration c = configuration();
        Duration invisible = Duration.ofMillis(c.getInvisibleDuration());
        long backoff = 0;
        while (running) {
            int wanted;
            try {
                if (!permits.tryAcquire(PERMIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wanted = 1;
            while (wanted < c.getReceiveBatchSize() && permits.tryAcquire()) {
                wanted++;
            }
            List<MessageView> received;
            try {
                received = consumer.receive(wanted, invisible);
                backoff = 0;
            } catch (Exception e) {
                permits.release(wanted);
                if (!running) {
                    return;
                }
                backoff = backoff == 0 ? 200 : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                LOG.warn("tencent-trocket: receiving from topic {} for group {} failed: {}; again in {} ms",
                        getEndpoint().getName(), c.getConsumerGroup(), e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            permits.release(wanted - received.size());
            for (MessageView view : received) {
                Delivery delivery = new Delivery(view);
                inFlight.incrementAndGet();
                if (!running) {
                    giveBack(delivery);
                    continue;
                }
                if (c.isExtendInvisibleDuration()) {
                    delivery.scheduleExtension();
                }
                dispatch(delivery);
            }
        }
    }

    private void dispatch(Delivery delivery) {
        String group = delivery.view.getMessageGroup().orElse(null);
        if (group == null) {
            execute(() -> process(delivery, null));
            return;
        }
        boolean start;
        Lane lane;
        synchronized (lanes) {
            lane = lanes.computeIfAbsent(group, Lane::new);
            lane.pending.add(delivery);
            start = !lane.busy;
            lane.busy = true;
        }
        if (start) {
            execute(() -> nextInLane(lane));
        }
    }

    private void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RuntimeException rejected) {
            // stopping: run on this thread, which gives the message back
            task.run();
        }
    }

    /** Processes the next message of a FIFO group, or gives it back when the group failed or the consumer stops. */
    private void nextInLane(Lane lane) {
        while (true) {
            Delivery next;
            boolean failed;
            synchronized (lanes) {
                next = lane.pending.poll();
                if (next == null) {
                    lane.busy = false;
                    lane.failed = false;
                    lanes.remove(lane.group);
                    return;
                }
                failed = lane.failed;
            }
            if (failed || !running) {
                giveBack(next);
                continue;
            }
            process(next, lane);
            return;
        }
    }

    private void process(Delivery delivery, Lane lane) {
        if (!running) {
            giveBack(delivery);
            if (lane != null) {
                execute(() -> nextInLane(lane));
            }
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            fill(exchange.getMessage(), delivery.view);
        } catch (RuntimeException e) {
            exchange.setException(e);
            done(delivery, exchange, lane);
            return;
        }
        try {
            getAsyncProcessor().process(exchange, doneSync -> done(delivery, exchange, lane));
        } catch (Throwable e) {
            exchange.setException(e);
            done(delivery, exchange, lane);
        }
    }

    private void done(Delivery delivery, Exchange exchange, Lane lane) {
        boolean failed = exchange.getException() != null || exchange.isRollbackOnly() || exchange.isRollbackOnlyLast();
        try {
            if (failed) {
                if (lane != null) {
                    synchronized (lanes) {
                        lane.failed = true;
                    }
                }
                Throwable cause = exchange.getException();
                getExceptionHandler().handleException("tencent-trocket: the route failed message " + delivery.id
                                                      + " of topic " + getEndpoint().getName() + " (delivery attempt "
                                                      + delivery.view.getDeliveryAttempt() + "); it is delivered again",
                        exchange, cause != null ? cause : new IllegalStateException("rollback"));
                giveBack(delivery);
            } else {
                delivery.settle(() -> consumer().ackAsync(delivery.view), "acknowledge");
            }
        } finally {
            releaseExchange(exchange, false);
            if (lane != null) {
                execute(() -> nextInLane(lane));
            }
        }
    }

    /** Not acknowledged: visible again after the retry delay, so the server delivers it again. */
    private void giveBack(Delivery delivery) {
        Duration delay = Duration.ofMillis(configuration().getRetryDelay());
        delivery.settle(() -> consumer().changeInvisibleDurationAsync(delivery.view, delay), "give back");
    }

    private SimpleConsumer consumer() {
        SimpleConsumer current = consumer;
        if (current == null) {
            throw new IllegalStateException("the consumer is closed");
        }
        return current;
    }

    private void settled() {
        permits.release();
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    static void fill(org.apache.camel.Message message, MessageView view) {
        message.setHeader(TencentTrocketConstants.MESSAGE_ID, view.getMessageId().toString());
        message.setHeader(TencentTrocketConstants.TOPIC, view.getTopic());
        view.getTag().ifPresent(tag -> message.setHeader(TencentTrocketConstants.TAG, tag));
        if (!view.getKeys().isEmpty()) {
            message.setHeader(TencentTrocketConstants.KEYS, List.copyOf(view.getKeys()));
        }
        view.getMessageGroup().ifPresent(group -> message.setHeader(TencentTrocketConstants.MESSAGE_GROUP, group));
        view.getDeliveryTimestamp().ifPresent(at -> message.setHeader(TencentTrocketConstants.DELIVERY_TIMESTAMP, at));
        message.setHeader(TencentTrocketConstants.PROPERTIES, Map.copyOf(view.getProperties()));
        message.setHeader(TencentTrocketConstants.BORN_TIMESTAMP, view.getBornTimestamp());
        message.setHeader(TencentTrocketConstants.BORN_HOST, view.getBornHost());
        message.setHeader(TencentTrocketConstants.DELIVERY_ATTEMPT, view.getDeliveryAttempt());
        ByteBuffer body = view.getBody().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        message.setBody(bytes);
    }

    /** The messages of one FIFO message group in hand, processed one at a time. */
    private static final class Lane {
        final String group;
        final ArrayDeque<Delivery> pending = new ArrayDeque<>();
        boolean busy;
        /** A message of the group failed: the rest in hand go back with it. */
        boolean failed;

        Lane(String group) {
            this.group = group;
        }
    }

    /** One received message until it is settled; its requests to the server run one after another. */
    private final class Delivery {
        final MessageView view;
        final String id;
        /** The last request on this message; the next one starts when it ended (the receipt handle it returns). */
        private CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
        private boolean settled;
        private ScheduledFuture<?> extension;

        Delivery(MessageView view) {
            this.view = view;
            this.id = view.getMessageId().toString();
        }

        synchronized void scheduleExtension() {
            long period = Math.max(500, configuration().getInvisibleDuration() * 2 / 3);
            ScheduledExecutorService current = scheduler;
            if (settled || current == null || current.isShutdown()) {
                return;
            }
            try {
                extension = current.schedule(this::extend, period, TimeUnit.MILLISECONDS);
            } catch (RuntimeException rejected) {
                // stopping
            }
        }

        private void extend() {
            Duration invisible = Duration.ofMillis(configuration().getInvisibleDuration());
            synchronized (this) {
                if (settled) {
                    return;
                }
                chain = chain.handle((r, e) -> null)
                        .thenCompose(ignored -> consumer().changeInvisibleDurationAsync(view, invisible))
                        .whenComplete((r, e) -> {
                            if (e != null) {
                                LOG.warn("tencent-trocket: extending the invisible duration of message {} failed: {}", id,
                                        e.toString());
                            } else {
                                LOG.debug("tencent-trocket: message {} invisible for {} more", id, invisible);
                            }
                        });
            }
            scheduleExtension();
        }

        /** The last request on the message: acknowledge or give back; then its place in flight is free. */
        void settle(Supplier<CompletableFuture<?>> request, String what) {
            CompletableFuture<?> last;
            synchronized (this) {
                if (settled) {
                    return;
                }
                settled = true;
                if (extension != null) {
                    extension.cancel(false);
                }
                last = chain.handle((r, e) -> null).thenCompose(ignored -> request.get());
                chain = last;
            }
            last.whenComplete((r, e) -> {
                if (e != null) {
                    LOG.warn("tencent-trocket: could not {} message {} of topic {}: {}; the server delivers it again after "
                             + "its invisible duration", what, id, getEndpoint().getName(), e.toString());
                }
                settled();
            });
        }
    }
}
