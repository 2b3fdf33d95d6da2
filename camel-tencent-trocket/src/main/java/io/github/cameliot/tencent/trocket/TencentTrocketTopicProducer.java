package io.github.cameliot.tencent.trocket;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.message.MessageBuilder;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.SendReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the message body (as bytes) to a RocketMQ topic with the 5.x client's {@link Producer#sendAsync}: no thread
 * waits for the broker's answer. The tag, keys, message group (FIFO topics), delivery time (DELAY topics) and user
 * properties come from headers, the tag and the message group also from options; the id the broker gave the message
 * is put in the header {@value TencentTrocketConstants#MESSAGE_ID}. A failed send fails the exchange with the
 * client's exception (the client itself retries a send up to its policy's attempts first).
 */
public class TencentTrocketTopicProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentTrocketTopicProducer.class);

    private final ClientServiceProvider provider = ClientServiceProvider.loadService();
    private volatile Producer producer;

    public TencentTrocketTopicProducer(TencentTrocketEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentTrocketEndpoint getEndpoint() {
        return (TencentTrocketEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TencentTrocketEndpoint endpoint = getEndpoint();
        TencentTrocketClientSettings.validate(endpoint, false);
        ClientConfiguration client = TencentTrocketClientSettings.clientConfiguration(endpoint);
        producer = provider.newProducerBuilder().setClientConfiguration(client).setTopics(endpoint.getName()).build();
        LOG.info("tencent-trocket: producer of topic {} connected to {}", endpoint.getName(),
                TencentTrocketClientSettings.describe(client));
    }

    @Override
    protected void doStop() throws Exception {
        Producer current = producer;
        producer = null;
        if (current != null) {
            current.close();
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<SendReceipt> sent;
        try {
            Producer current = producer;
            if (current == null) {
                throw new IllegalStateException("the tencent-trocket producer of topic " + getEndpoint().getName()
                                                + " is not started");
            }
            sent = current.sendAsync(message(exchange.getMessage()));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        sent.whenComplete((receipt, failure) -> {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                exchange.getMessage().setHeader(TencentTrocketConstants.MESSAGE_ID, receipt.getMessageId().toString());
            }
            callback.done(false);
        });
        return false;
    }

    org.apache.rocketmq.client.apis.message.Message message(Message in) {
        TencentTrocketConfiguration c = getEndpoint().getConfiguration();
        byte[] body = in.getBody(byte[].class);
        MessageBuilder builder = provider.newMessageBuilder().setTopic(getEndpoint().getName())
                .setBody(body == null ? new byte[0] : body);
        String tag = in.getHeader(TencentTrocketConstants.TAG, c.getTag(), String.class);
        if (tag != null && !tag.isEmpty()) {
            builder.setTag(tag);
        }
        String[] keys = keys(in.getHeader(TencentTrocketConstants.KEYS));
        if (keys.length > 0) {
            builder.setKeys(keys);
        }
        String group = in.getHeader(TencentTrocketConstants.MESSAGE_GROUP, c.getMessageGroup(), String.class);
        if (group != null && !group.isEmpty()) {
            builder.setMessageGroup(group);
        }
        Long at = in.getHeader(TencentTrocketConstants.DELIVERY_TIMESTAMP, Long.class);
        if (at == null) {
            Long delay = in.getHeader(TencentTrocketConstants.DELIVERY_DELAY, Long.class);
            if (delay != null) {
                at = System.currentTimeMillis() + delay;
            }
        }
        if (at != null) {
            builder.setDeliveryTimestamp(at);
        }
        Map<?, ?> properties = in.getHeader(TencentTrocketConstants.PROPERTIES, Map.class);
        if (properties != null) {
            properties.forEach((k, v) -> {
                if (k != null && v != null) {
                    builder.addProperty(k.toString(), v.toString());
                }
            });
        }
        return builder.build();
    }

    static String[] keys(Object header) {
        if (header == null) {
            return new String[0];
        }
        if (header instanceof Collection<?> collection) {
            return collection.stream().filter(k -> k != null && !k.toString().isBlank()).map(Object::toString)
                    .toArray(String[]::new);
        }
        if (header instanceof String[] array) {
            return array;
        }
        return java.util.Arrays.stream(header.toString().split(",")).map(String::trim).filter(k -> !k.isEmpty())
                .toArray(String[]::new);
    }
}
