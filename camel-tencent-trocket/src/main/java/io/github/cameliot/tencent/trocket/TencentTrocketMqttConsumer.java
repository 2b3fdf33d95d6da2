package io.github.cameliot.tencent.trocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cameliot.tencent.trocket.TencentTrocketMqttEndpointResolver.MqttLogin;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Message;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to an MQTT topic filter of the instance (shared subscriptions included, as {@code $share/GROUP/FILTER})
 * and acknowledges each QoS 1 or 2 message only once its exchange completed.
 * <p>
 * It owns a Paho {@link MqttAsyncClient} in manual-acknowledgement mode, configured from the same
 * {@link TencentTrocketMqttPahoEndpoint} (address, login, session, TLS, reconnection options) that producers publish
 * through, and makes exchanges as camel-paho-mqtt5's consumer does (body the payload bytes, headers
 * {@code CamelMqttTopic}, {@code CamelMqttQoS}, {@code CamelPahoMqtt5MsgProperties}). camel-paho-mqtt5's own consumer
 * is not used: by default Paho acknowledges a message as soon as the consumer's callback returns, before an
 * asynchronous route finished and even when it failed; with its manualAcksEnabled, it sets the callback only after
 * connecting (messages the broker redelivers from a resumed session right after CONNACK are then dropped, unacknowledged),
 * and a failed message stays unacknowledged until some later reconnection.
 * <p>
 * Here:
 * <ul>
 * <li>the callback is set before connecting, so redelivered messages of a resumed session reach the route;</li>
 * <li>a completed exchange acknowledges its message ({@code PUBACK}/{@code PUBREC}); when the message carries an MQTT 5
 * response topic (and mqttReplyToResponseTopic), the reply is published first and the request acknowledged once the
 * broker took the reply;</li>
 * <li>a failed exchange leaves its message unacknowledged and (mqttReconnectOnFailure) makes the client reconnect,
 * resuming its session, so that the broker delivers the message again (header CamelTencentTrocketMqttRedelivered);</li>
 * <li>only the first connection uses mqttCleanStart: every reconnection, automatic or not, resumes the session.</li>
 * </ul>
 */
public class TencentTrocketMqttConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentTrocketMqttConsumer.class);
    private static final long DISCONNECT_QUIESCE_MILLIS = 1000;
    private static final long INITIAL_RECONNECT_DELAY_MILLIS = 200;

    private final AtomicBoolean reconnectPending = new AtomicBoolean();
    /** The packet ids of messages whose exchange failed: the broker delivers them again under the same id. */
    private final Set<Integer> failedPacketIds = ConcurrentHashMap.newKeySet();
    private volatile TencentTrocketMqttPahoEndpoint paho;
    private volatile MqttAsyncClient client;
    private volatile MqttConnectionOptions options;
    private volatile ScheduledExecutorService reconnector;
    private volatile boolean stopping;

    public TencentTrocketMqttConsumer(TencentTrocketEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TencentTrocketEndpoint getEndpoint() {
        return (TencentTrocketEndpoint) super.getEndpoint();
    }

    /** The Paho client, while started. */
    public MqttAsyncClient getClient() {
        return client;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopping = false;
        failedPacketIds.clear();
        TencentTrocketEndpoint endpoint = getEndpoint();
        MqttLogin login = new TencentTrocketMqttEndpointResolver(endpoint).resolve(true);
        paho = TencentTrocketMqttPahoEndpoint.create(endpoint, login);
        options = paho.connectionOptions();
        reconnector = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "TencentTrocketMqttReconnect");
        MqttAsyncClient mqtt = new MqttAsyncClient(login.brokerUrl(), paho.clientId(), paho.persistence());
        mqtt.setManualAcks(true);
        mqtt.setCallback(new Callback());
        client = mqtt;
        LOG.debug("Connecting MQTT client {} to {}", mqtt.getClientId(), login.brokerUrl());
        try {
            connectAndSubscribe();
        } catch (Exception e) {
            doStop();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopping = true;
        if (reconnector != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(reconnector);
            reconnector = null;
        }
        MqttAsyncClient mqtt = client;
        client = null;
        if (mqtt != null) {
            try {
                if (mqtt.isConnected()) {
                    disconnect(mqtt, paho.getConfiguration().isCleanStart());
                }
            } catch (MqttException e) {
                LOG.debug("Disconnecting MQTT client {} failed: {}", mqtt.getClientId(), e.getMessage());
            } finally {
                mqtt.close(true);
            }
        }
        super.doStop();
    }

    private void connectAndSubscribe() throws MqttException {
        MqttAsyncClient mqtt = client;
        long timeout = timeoutMillis();
        mqtt.connect(options).waitForCompletion(timeout);
        // reconnections, Paho's automatic ones included (it keeps these options), resume the session
        options.setCleanStart(false);
        subscribe(mqtt).waitForCompletion(timeout);
    }

    private IMqttToken subscribe(MqttAsyncClient mqtt) throws MqttException {
        String topicFilter = paho.getTopic();
        LOG.debug("Subscribing MQTT client {} to {}", mqtt.getClientId(), topicFilter);
        return mqtt.subscribe(topicFilter, paho.getConfiguration().getQos(), null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] reasonCodes = token.getReasonCodes();
                if (reasonCodes != null && reasonCodes.length > 0 && reasonCodes[0] >= 0x80) {
                    LOG.warn("The broker refused the subscription of MQTT client {} to {}: reason code 0x{}",
                            mqtt.getClientId(), topicFilter, Integer.toHexString(reasonCodes[0]));
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                LOG.warn("Subscribing MQTT client {} to {} failed: {}", mqtt.getClientId(), topicFilter,
                        failure == null ? "unknown" : failure.getMessage());
            }
        });
    }

    /** Disconnects, ending the session at once when {@code endSession} (it would outlive the consumer otherwise). */
    private void disconnect(MqttAsyncClient mqtt, boolean endSession) throws MqttException {
        MqttProperties properties = new MqttProperties();
        if (endSession && paho.getConfiguration().getSessionExpiryInterval() > 0) {
            properties.setSessionExpiryInterval(0L);
        }
        mqtt.disconnect(DISCONNECT_QUIESCE_MILLIS, null, null, 0, properties).waitForCompletion(timeoutMillis());
    }

    private long timeoutMillis() {
        return Math.max(1, paho.getConfiguration().getConnectionTimeout()) * 1000L + DISCONNECT_QUIESCE_MILLIS;
    }

    /** Reconnects soon, so that the broker delivers the unacknowledged messages again; once for many failures. */
    private void requestRedelivery() {
        ScheduledExecutorService executor = reconnector;
        if (stopping || executor == null || !reconnectPending.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> reconnect(INITIAL_RECONNECT_DELAY_MILLIS, false));
    }

    /**
     * Disconnects if connected, and connects, resuming the session. A connection already lost is left to Paho's
     * automatic reconnection, when enabled, unless {@code retry} (after an own attempt failed, Paho does not retry).
     */
    private void reconnect(long nextDelay, boolean retry) {
        reconnectPending.set(false);
        MqttAsyncClient mqtt = client;
        if (stopping || mqtt == null) {
            return;
        }
        if (!retry && !mqtt.isConnected() && paho.getConfiguration().isAutomaticReconnect()) {
            LOG.debug("MQTT client {} is reconnecting by itself: the broker redelivers then", mqtt.getClientId());
            return;
        }
        try {
            if (mqtt.isConnected()) {
                LOG.debug("Reconnecting MQTT client {} for the broker to redeliver unacknowledged messages",
                        mqtt.getClientId());
                disconnect(mqtt, false);
            }
            connectAndSubscribe();
        } catch (MqttException e) {
            ScheduledExecutorService executor = reconnector;
            if (stopping || executor == null) {
                return;
            }
            long delay = Math.min(nextDelay, paho.getConfiguration().getMaxReconnectDelay());
            LOG.warn("Reconnecting MQTT client {} failed ({}); trying again in {} ms", mqtt.getClientId(), e.getMessage(),
                    delay);
            executor.schedule(() -> reconnect(delay * 2, true), delay, TimeUnit.MILLISECONDS);
        }
    }

    private Exchange createExchange(String topic, MqttMessage message) {
        Exchange exchange = createExchange(true);
        PahoMqtt5Message in = new PahoMqtt5Message(exchange.getContext(), message);
        in.setBody(message.getPayload());
        in.setHeader(TencentTrocketConstants.MQTT_TOPIC, topic);
        in.setHeader(TencentTrocketConstants.MQTT_QOS, message.getQos());
        // Paho keeps the DUP flag to itself: a redelivery is recognised by the packet id of a failed message
        boolean redelivered = message.getQos() > 0 && failedPacketIds.remove(message.getId());
        in.setHeader(TencentTrocketConstants.MQTT_REDELIVERED, redelivered);
        in.setHeader(TencentTrocketConstants.MQTT_PROPERTIES, message.getProperties());
        exchange.setIn(in);
        return exchange;
    }

    /** Acknowledges the message once its exchange completed; leaves it for redelivery when it failed. */
    private final class Acknowledgement extends SynchronizationAdapter {

        private final MqttAsyncClient mqtt;
        private final String topic;
        private final MqttMessage message;

        Acknowledgement(MqttAsyncClient mqtt, String topic, MqttMessage message) {
            this.mqtt = mqtt;
            this.topic = topic;
            this.message = message;
        }

        @Override
        public void onComplete(Exchange exchange) {
            MqttProperties properties = message.getProperties();
            String responseTopic = properties == null ? null : properties.getResponseTopic();
            if (responseTopic != null && getEndpoint().getConfiguration().isMqttReplyToResponseTopic()) {
                reply(exchange, responseTopic, properties.getCorrelationData());
            } else {
                acknowledge();
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            if (message.getQos() == 0) {
                return;
            }
            failedPacketIds.add(message.getId());
            LOG.warn("Exchange {} of the MQTT message {} from {} failed: the message is not acknowledged, for the broker "
                     + "to deliver it again{}", exchange.getExchangeId(), message.getId(), topic,
                    getEndpoint().getConfiguration().isMqttReconnectOnFailure() ? " (reconnecting)" : " on reconnection");
            if (getEndpoint().getConfiguration().isMqttReconnectOnFailure()) {
                requestRedelivery();
            }
        }

        private void reply(Exchange exchange, String responseTopic, byte[] correlationData) {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            MqttMessage reply = new MqttMessage(body == null ? new byte[0] : body);
            reply.setQos(paho.getConfiguration().getQos());
            MqttProperties replyProperties = new MqttProperties();
            if (correlationData != null) {
                replyProperties.setCorrelationData(correlationData);
            }
            reply.setProperties(replyProperties);
            try {
                mqtt.publish(responseTopic, reply, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        acknowledge();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        replyFailed(responseTopic, failure);
                    }
                });
            } catch (MqttException e) {
                replyFailed(responseTopic, e);
            }
        }

        private void replyFailed(String responseTopic, Throwable failure) {
            LOG.warn("Publishing the reply to the MQTT message {} from {} to {} failed ({}): the request is not "
                     + "acknowledged, for the broker to deliver it again", message.getId(), topic, responseTopic,
                    failure == null ? "unknown" : failure.getMessage());
            requestRedelivery();
        }

        private void acknowledge() {
            if (message.getQos() == 0) {
                return;
            }
            try {
                mqtt.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                // not connected any more: the broker delivers the message again on reconnection
                LOG.debug("Acknowledging the MQTT message {} from {} failed: {}", message.getId(), topic, e.getMessage());
            }
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            LOG.trace("MQTT message {} arrived from {} (QoS {})", message.getId(), topic, message.getQos());
            MqttAsyncClient mqtt = client;
            if (mqtt == null) {
                return;
            }
            Exchange exchange = createExchange(topic, message);
            exchange.getExchangeExtension().addOnCompletion(new Acknowledgement(mqtt, topic, message));
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            MqttAsyncClient mqtt = client;
            if (reconnect && mqtt != null) {
                LOG.info("MQTT client {} reconnected to {}", mqtt.getClientId(), serverUri);
                try {
                    subscribe(mqtt);
                } catch (MqttException e) {
                    LOG.warn("Subscribing MQTT client {} again failed: {}", mqtt.getClientId(), e.getMessage());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!stopping) {
                LOG.debug("MQTT client disconnected: {}", response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // replies only; their completion is handled by their listener
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("MQTT AUTH packet arrived: reason code {}", reasonCode);
        }
    }
}
