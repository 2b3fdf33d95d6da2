package io.github.cameliot.emulator.tencent.trocket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameliot.testsupport.rocketmq.RocketMqTestServer;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageBuilder;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real RocketMQ 5.x behind the emulated instances: a {@link RocketMqTestServer} (name server and LOCAL-mode proxy
 * in a child JVM), on which the management API creates topics and consumer groups, and through whose gRPC access
 * point the emulator sends and reads messages with the RocketMQ 5.x client, as the cloud's own services and the
 * users' clients do. All emulated instances share this one broker, so their topic names share one name space.
 */
final class RocketMqBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RocketMqBroker.class);
    private static final Duration INVISIBLE = Duration.ofSeconds(30);
    /** The most messages one receive of the 5.x client takes. */
    private static final int MAX_BATCH = 32;
    /** How long a receive waits on the server for messages (a long poll). */
    private static final Duration LONG_POLL = Duration.ofSeconds(2);
    /** Longer than the long poll by far: the proxy refuses a poll whose call would time out first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final RocketMqTestServer server;
    private final boolean owned;
    private final ClientServiceProvider provider = ClientServiceProvider.loadService();
    private final Map<String, SimpleConsumer> consumers = new ConcurrentHashMap<>();
    private Producer producer;

    /**
     * @param owned whether closing this closes the server too (false for a server the caller shares with others)
     */
    RocketMqBroker(RocketMqTestServer server, boolean owned) {
        this.server = server;
        this.owned = owned;
    }

    /** The proxy's gRPC access point, host:port: what DescribeInstance lists. */
    String accessPoint() {
        return server.endpoint();
    }

    /** Creates a topic of a 5.x message type (NORMAL, FIFO, DELAY or TRANSACTION) and waits until it is routable. */
    void createTopic(String name, String type, int queues) {
        server.createTopic(name, type, queues);
    }

    void createGroup(String name, int maxRetries, boolean orderly) {
        server.createGroup(name, maxRetries, orderly);
    }

    /**
     * Sends a message as a producer of the topic's type would: FIFO messages in the message group named by the tag
     * (or the topic), delay messages due at once.
     *
     * @return the message id
     */
    String send(String topic, String topicType, String tag, byte[] body) {
        MessageBuilder message = provider.newMessageBuilder().setTopic(topic).setBody(body);
        if (tag != null && !tag.isEmpty()) {
            message.setTag(tag);
        }
        switch (topicType) {
            case "FIFO" -> message.setMessageGroup(tag != null && !tag.isEmpty() ? tag : topic);
            case "DELAY" -> message.setDeliveryTimestamp(System.currentTimeMillis());
            case "TRANSACTION" -> throw new IllegalArgumentException("The emulator sends no transactional messages: "
                    + "topic " + topic + " is of type TRANSACTION");
            default -> {
                // a normal message
            }
        }
        try {
            return producer().send(message.build()).getMessageId().toString();
        } catch (ClientException e) {
            throw new IllegalStateException("RocketMQ refused the message for topic " + topic, e);
        }
    }

    /**
     * Receives and acknowledges up to {@code max} messages of the topic for the consumer group, waiting at most
     * {@code wait} for the first.
     */
    List<TrocketMessage> receive(String topic, String group, int max, Duration wait) {
        if (max < 1 || max > MAX_BATCH) {
            throw new IllegalArgumentException("A receive takes 1 to " + MAX_BATCH + " messages, not " + max);
        }
        SimpleConsumer consumer = consumers.computeIfAbsent(group + '\n' + topic, key -> consumer(topic, group));
        long deadline = System.nanoTime() + wait.toNanos();
        List<TrocketMessage> received = new ArrayList<>();
        try {
            while (received.isEmpty() && System.nanoTime() < deadline) {
                for (MessageView view : consumer.receive(max, INVISIBLE)) {
                    consumer.ack(view);
                    received.add(message(view));
                }
            }
        } catch (ClientException e) {
            throw new IllegalStateException("RocketMQ refused to deliver topic " + topic + " to group " + group, e);
        }
        return received;
    }

    private synchronized Producer producer() throws ClientException {
        if (producer == null) {
            producer = provider.newProducerBuilder().setClientConfiguration(configuration()).build();
        }
        return producer;
    }

    private SimpleConsumer consumer(String topic, String group) {
        try {
            return provider.newSimpleConsumerBuilder().setClientConfiguration(configuration())
                    .setConsumerGroup(group)
                    .setAwaitDuration(LONG_POLL)
                    .setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL))
                    .build();
        } catch (ClientException e) {
            throw new IllegalStateException("Cannot consume topic " + topic + " as group " + group, e);
        }
    }

    private ClientConfiguration configuration() {
        return ClientConfiguration.newBuilder().setEndpoints(accessPoint()).enableSsl(false)
                .setRequestTimeout(REQUEST_TIMEOUT).build();
    }

    private static TrocketMessage message(MessageView view) {
        ByteBuffer buffer = view.getBody().duplicate();
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return new TrocketMessage(view.getMessageId().toString(), view.getTopic(), view.getTag().orElse(null),
                view.getProperties(), body);
    }

    @Override
    public synchronized void close() {
        consumers.values().forEach(RocketMqBroker::closeQuietly);
        consumers.clear();
        if (producer != null) {
            closeQuietly(producer);
            producer = null;
        }
        if (owned) {
            server.close();
        }
    }

    private static void closeQuietly(AutoCloseable client) {
        try {
            client.close();
        } catch (Exception e) {
            LOG.debug("A RocketMQ client did not close cleanly", e);
        }
    }
}
