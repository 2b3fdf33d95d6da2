package io.github.cameliot.aliyun.iot;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.CredentialsProvider;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.aliyun.AliyunAmqpLogin;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.DefaultConsumer;
import org.apache.qpid.jms.JmsConnection;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Receives device messages by AMQP server-side subscription (AMQP 1.0, with Qpid JMS), as IoT Platform documents it:
 * one receiver on the queue {@value #QUEUE} per connection, a SASL PLAIN login signed with the AccessKey.
 * <p>
 * <b>Acknowledgement.</b> The session acknowledges each message on its own (Qpid's INDIVIDUAL_ACKNOWLEDGE), and only
 * when the route has finished with its exchange: accepted when the route succeeded; when it failed (an exception, or
 * marked rollback-only) the exchange goes to the consumer's exception handler and the message is settled
 * {@code modified} with delivery-failed (Qpid's {@code JMS_AMQP_ACK_TYPE} {@value #MODIFIED_FAILED}), so the server
 * delivers it again. A message whose acknowledgement is lost with its connection is delivered again too: delivery is
 * at least once.
 * <p>
 * <b>Concurrency.</b> Each connection's session hands its messages to the route one at a time, through the
 * asynchronous processor: a synchronous route processes one message per connection at a time, an asynchronous one
 * up to {@code prefetch} per connection, the link credit too, so that no more than that many messages are held
 * without an answer. More connections ({@code connectionCount}) give more throughput.
 * <p>
 * <b>Connections.</b> Each attempt signs in with a fresh timestamp and signature (the server refuses old ones, and
 * Qpid's own failover would send the first login again), creates the receiver at once (the server closes a
 * connection that has none after 15 s) and, when it fails or the connection is lost, is made again after a delay
 * that doubles up to {@code reconnectMaxDelay}. The log says why, never with the secret or the password.
 * <p>
 * <b>Stop and suspend.</b> Both close the receivers first (the messages prefetched but not yet handed to the route
 * go back to the server), wait for the exchanges in flight, up to the shutdown strategy's timeout, so that their
 * messages are acknowledged, then close the connections. Resume connects again.
 */
public class AliyunIotAmqpConsumer extends DefaultConsumer implements Suspendable {

    /** The address of the subscription's receiver, as in Alibaba's samples. */
    static final String QUEUE = "default";
    /** The receiver must be attached within this long of connecting, or the server closes the connection. */
    static final long RECEIVER_DEADLINE_MILLIS = 15_000;
    /** Qpid JMS's session mode that acknowledges each message on its own. */
    static final int INDIVIDUAL_ACKNOWLEDGE = 101;
    /** The Qpid JMS message property that chooses the outcome {@link Message#acknowledge()} settles with. */
    static final String ACK_TYPE = "JMS_AMQP_ACK_TYPE";
    static final int RELEASED = 3;
    static final int MODIFIED_FAILED = 4;

    private static final Logger LOG = LoggerFactory.getLogger(AliyunIotAmqpConsumer.class);
    /** How often a session blocked on a full window looks whether it should give up its message. */
    private static final long PERMIT_POLL_MILLIS = 100;

    /** The connections, replaced at every start; kept after a stop, so that what they did can still be asked. */
    private volatile List<Link> links = List.of();
    private ScheduledExecutorService executor;
    /** Closes lost connections, which waits for the route to finish with their message, away from the attempts. */
    private ExecutorService closer;
    private JmsConnectionFactory factory;
    private CredentialsProvider credentials;
    private String address;

    public AliyunIotAmqpConsumer(AliyunIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AliyunIotEndpoint getEndpoint() {
        return (AliyunIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AliyunIotConfiguration configuration = getEndpoint().getConfiguration();
        String group = getEndpoint().getConsumerGroupId();
        AliyunIotAmqpSettings.validate(configuration, group);
        URI uri = AliyunIotAmqpSettings.connectionUri(configuration);
        address = uri.getScheme() + "://" + uri.getRawAuthority();
        credentials = getEndpoint().credentials();
        factory = new JmsConnectionFactory(uri);
        int count = configuration.getConnectionCount();
        List<String> clientIds = AliyunIotAmqpSettings.clientIds(configuration.getClientId(), count);
        for (String clientId : clientIds) {
            // here rather than on every attempt
            AliyunAmqpLogin.validate(clientId, configuration.getIotInstanceId(), group);
        }
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        executor = executors.newScheduledThreadPool(this, "AliyunIotAmqp", count);
        closer = executors.newCachedThreadPool(this, "AliyunIotAmqpClose");
        List<Link> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(new Link(i, clientIds.get(i), configuration.getPrefetch()));
        }
        links = List.copyOf(created);
        links.forEach(Link::open);
    }

    @Override
    protected void doStop() throws Exception {
        closeLinks();
        ExecutorServiceManager executors = getEndpoint().getCamelContext().getExecutorServiceManager();
        if (executor != null) {
            executors.shutdownNow(executor);
            executor = null;
        }
        if (closer != null) {
            executors.shutdownNow(closer);
            closer = null;
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        closeLinks();
    }

    @Override
    protected void doResume() throws Exception {
        links.forEach(Link::open);
    }

    /** How many exchanges are in the route and not yet acknowledged, on all connections. */
    int inFlight() {
        return links.stream().mapToInt(Link::inFlight).sum();
    }

    /** How many connections are open with their receiver. */
    int connected() {
        return (int) links.stream().filter(Link::isConnected).count();
    }

    /**
     * Stops receiving on every connection, waits for the exchanges in flight (up to the shutdown strategy's
     * timeout) and closes the connections.
     */
    private void closeLinks() {
        List<Link> current = links;
        current.forEach(Link::stopReceiving);
        ShutdownStrategy shutdown = getEndpoint().getCamelContext().getShutdownStrategy();
        long deadline = System.nanoTime() + shutdown.getTimeUnit().toNanos(shutdown.getTimeout());
        boolean idle = true;
        for (Link link : current) {
            idle &= link.awaitIdle(deadline);
        }
        if (!idle) {
            LOG.warn("aliyun-iot amqp: {} exchanges still in flight after {} {}; closing the connections, the server "
                     + "delivers their messages again", inFlight(), shutdown.getTimeout(), shutdown.getTimeUnit());
        }
        current.forEach(Link::close);
    }

    /** The body: the payload's bytes (a text payload as UTF-8). */
    static Object body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(UTF_8);
        }
        if (message instanceof BytesMessage || message.isBodyAssignableTo(byte[].class)) {
            byte[] bytes = message.getBody(byte[].class);
            return bytes == null ? new byte[0] : bytes;
        }
        return message.getBody(Object.class);
    }

    static Long generateTime(Message message) throws JMSException {
        return Json.toLong(message.getObjectProperty(AliyunIotConstants.AMQP_GENERATE_TIME));
    }

    /** One connection with its receiver, and what it takes to keep it open. */
    final class Link implements MessageListener {

        private final int index;
        private final String clientId;
        private final int window;
        /** One per exchange in flight; a message waits for one before it goes to the route. */
        private final Semaphore permits;
        private final Object lock = new Object();
        // guarded by lock
        private boolean open;
        /** Counts the opens, so that an attempt begun before a close and a new open cannot publish its connection. */
        private long generation;
        private Connection connection;
        private MessageConsumer receiver;
        private ScheduledFuture<?> attempt;
        private int failures;
        /** False once stopping began: a message that has no permit yet goes back to the server. */
        private volatile boolean receiving;

        Link(int index, String clientId, int window) {
            this.index = index;
            this.clientId = clientId;
            this.window = window;
            this.permits = new Semaphore(window);
        }

        void open() {
            synchronized (lock) {
                open = true;
                generation++;
                receiving = true;
                failures = 0;
                schedule(0);
            }
        }

        int inFlight() {
            return window - permits.availablePermits();
        }

        boolean isConnected() {
            synchronized (lock) {
                return connection != null;
            }
        }

        /** Schedules a connection attempt, unless one is pending. Holds the lock. */
        private void schedule(long delayMillis) {
            if (open && attempt == null && executor != null && !executor.isShutdown()) {
                attempt = executor.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
            }
        }

        private void connect() {
            long opened;
            synchronized (lock) {
                attempt = null;
                if (!open || connection != null) {
                    return;
                }
                opened = generation;
            }
            AliyunIotConfiguration configuration = getEndpoint().getConfiguration();
            String group = getEndpoint().getConsumerGroupId();
            Connection created = null;
            try {
                AliyunAmqpLogin login = AliyunAmqpLogin.of(credentials.credentials(), clientId,
                        configuration.getIotInstanceId(), group, System.currentTimeMillis());
                created = factory.createConnection(login.username(), login.password());
                long connectedAt = System.nanoTime();
                Connection current = created;
                created.setExceptionListener(e -> onException(current, e));
                Session session = created.createSession(false, INDIVIDUAL_ACKNOWLEDGE);
                MessageConsumer newReceiver = session.createConsumer(session.createQueue(QUEUE));
                newReceiver.setMessageListener(this);
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedAt);
                if (elapsed > RECEIVER_DEADLINE_MILLIS) {
                    throw new IllegalStateException("the receiver was attached " + elapsed + " ms after connecting, "
                                                    + "later than the " + RECEIVER_DEADLINE_MILLIS + " ms the server allows");
                }
                created.start();
                boolean published;
                synchronized (lock) {
                    published = open && generation == opened && connection == null;
                    if (published) {
                        connection = created;
                        receiver = newReceiver;
                        failures = 0;
                    }
                }
                if (!published) {
                    // stopped, or stopped and opened again, meanwhile
                    closeQuietly(created);
                    return;
                }
                if (((JmsConnection) created).isFailed()) {
                    // it failed before it was published, when its listener could not know it was in use
                    onException(created, new JMSException("the connection failed while it was being opened"));
                    return;
                }
                LOG.info("aliyun-iot amqp: connection {} to {} is receiving for consumer group {} as client {}", index,
                        address, group, clientId);
            } catch (Exception e) {
                closeQuietly(created);
                synchronized (lock) {
                    if (!open || generation != opened) {
                        return;
                    }
                    failures++;
                    long delay = backoff(failures);
                    LOG.warn("aliyun-iot amqp: connection {} to {} for consumer group {} as client {} failed (attempt {}): "
                             + "{}; connecting again in {} ms",
                            index, address, group, clientId, failures, Futures.describe(e), delay);
                    LOG.debug("aliyun-iot amqp: connection {} failed", index, e);
                    schedule(delay);
                }
            }
        }

        /** Qpid reports a lost connection, or a receiver the server closed, here: connect again. */
        private void onException(Connection failed, JMSException e) {
            synchronized (lock) {
                if (failed != connection) {
                    LOG.debug("aliyun-iot amqp: connection {}: {} (a connection no longer in use)", index, Futures.describe(e));
                    return;
                }
                if (!((JmsConnection) failed).isFailed() && !isClosed(receiver)) {
                    LOG.warn("aliyun-iot amqp: connection {}: {}", index, Futures.describe(e));
                    return;
                }
                connection = null;
                receiver = null;
                if (!open) {
                    return;
                }
                long delay = backoff(++failures);
                LOG.warn("aliyun-iot amqp: connection {} to {} was lost: {}; connecting again in {} ms", index, address,
                        Futures.describe(e), delay);
                closer.execute(() -> closeQuietly(failed));
                schedule(delay);
            }
        }

        private long backoff(int attempts) {
            AliyunIotConfiguration configuration = getEndpoint().getConfiguration();
            long initial = configuration.getReconnectInitialDelay();
            long max = configuration.getReconnectMaxDelay();
            long delay = initial << Math.min(attempts - 1, 20);
            delay = delay <= 0 || delay > max ? max : delay;
            // up to a fifth less, so that several connections do not all come back at once
            return delay - (long) (delay * 0.2 * ThreadLocalRandom.current().nextDouble());
        }

        @Override
        public void onMessage(Message message) {
            if (!acquire()) {
                settle(message, RELEASED);
                return;
            }
            Exchange exchange = createExchange(false);
            try {
                org.apache.camel.Message in = exchange.getMessage();
                in.setHeader(AliyunIotConstants.AMQP_TOPIC, message.getStringProperty(AliyunIotConstants.AMQP_TOPIC));
                in.setHeader(AliyunIotConstants.AMQP_MESSAGE_ID,
                        message.getStringProperty(AliyunIotConstants.AMQP_MESSAGE_ID));
                in.setHeader(AliyunIotConstants.AMQP_GENERATE_TIME, generateTime(message));
                in.setBody(body(message));
            } catch (Exception e) {
                exchange.setException(e);
                done(exchange, message);
                return;
            }
            try {
                getAsyncProcessor().process(exchange, doneSync -> done(exchange, message));
            } catch (Throwable e) {
                // the processor breaks its contract; the callback was not called
                exchange.setException(e);
                done(exchange, message);
            }
        }

        /** Waits for a free place in the window, unless stopping. */
        private boolean acquire() {
            try {
                while (receiving) {
                    if (permits.tryAcquire(PERMIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        if (receiving) {
                            return true;
                        }
                        permits.release();
                        return false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        /** The route is done with the exchange: acknowledge its message, or give it back for delivery again. */
        private void done(Exchange exchange, Message message) {
            try {
                Throwable failure = exchange.getException();
                String what = what(exchange);
                if (failure == null && (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast())) {
                    failure = new RuntimeCamelException("Rolled back: " + what);
                }
                if (failure == null) {
                    settle(message, 0);
                } else {
                    settle(message, MODIFIED_FAILED);
                    getExceptionHandler().handleException(
                            "Failed to process " + what + "; it is not acknowledged, so the server delivers it again",
                            exchange, failure);
                }
            } finally {
                releaseExchange(exchange, false);
                permits.release();
            }
        }

        /** Acknowledges the message: accepted (ackType 0), or with the given outcome. */
        private void settle(Message message, int ackType) {
            try {
                if (ackType != 0) {
                    message.setIntProperty(ACK_TYPE, ackType);
                }
                message.acknowledge();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("aliyun-iot amqp: connection {} could not settle a message ({}); the server delivers it again",
                        index, Futures.describe(e));
            }
        }

        /** Stops handing messages to the route; the messages prefetched go back to the server. */
        void stopReceiving() {
            MessageConsumer closing;
            synchronized (lock) {
                open = false;
                receiving = false;
                if (attempt != null) {
                    attempt.cancel(false);
                    attempt = null;
                }
                closing = receiver;
                receiver = null;
            }
            if (closing != null) {
                try {
                    // waits for a running onMessage; the link stays attached until the messages in flight are settled
                    closing.close();
                } catch (JMSException | RuntimeException e) {
                    LOG.debug("aliyun-iot amqp: connection {} could not close its receiver: {}", index, Futures.describe(e));
                }
            }
        }

        /** Waits, until the deadline ({@link System#nanoTime()}), for the exchanges in flight. */
        boolean awaitIdle(long deadline) {
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                if (permits.tryAcquire(window, wait, TimeUnit.NANOSECONDS)) {
                    permits.release(window);
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        void close() {
            Connection closing;
            synchronized (lock) {
                closing = connection;
                connection = null;
            }
            if (closing != null) {
                closeQuietly(closing);
                LOG.info("aliyun-iot amqp: connection {} to {} closed", index, address);
            }
        }

        private String what(Exchange exchange) {
            org.apache.camel.Message in = exchange.getMessage();
            return "message " + in.getHeader(AliyunIotConstants.AMQP_MESSAGE_ID) + " on topic "
                   + in.getHeader(AliyunIotConstants.AMQP_TOPIC) + " (consumer group " + getEndpoint().getConsumerGroupId()
                   + ", connection " + index + ")";
        }
    }

    private static boolean isClosed(MessageConsumer receiver) {
        if (receiver == null) {
            return true;
        }
        try {
            receiver.getMessageListener();
            return false;
        } catch (JMSException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("aliyun-iot amqp: closing a connection failed: {}", Futures.describe(e));
            }
        }
    }
}
