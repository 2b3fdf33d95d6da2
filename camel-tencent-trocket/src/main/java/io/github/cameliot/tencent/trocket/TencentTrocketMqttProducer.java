package io.github.cameliot.tencent.trocket;

import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes to an MQTT topic of the instance through a camel-paho-mqtt5 producer: at start, it resolves the broker
 * address and login (through the management API where the options leave them out) and starts the paho-mqtt5 producer
 * of a {@link TencentTrocketMqttPahoEndpoint}, which connects; every exchange is then published by it, with its QoS
 * (waiting for the broker's PUBACK at QoS 1), retain flag, topic override and MQTT 5 properties headers.
 */
public class TencentTrocketMqttProducer extends DefaultProducer {

    /** How often a publish refused as over the broker's receive maximum is tried, a few milliseconds apart. */
    private static final int MAX_INFLIGHT_ATTEMPTS = 100;

    private volatile Producer delegate;

    public TencentTrocketMqttProducer(TencentTrocketEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentTrocketEndpoint getEndpoint() {
        return (TencentTrocketEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Producer producer = delegate;
        if (producer == null) {
            throw new IllegalStateException("The MQTT producer of " + getEndpoint() + " is not started");
        }
        for (int attempt = 1;; attempt++) {
            try {
                producer.process(exchange);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= MAX_INFLIGHT_ATTEMPTS) {
                    throw e;
                }
                // not sent: Paho counts a publish as in flight a little after its PUBACK completed the previous one
                Thread.sleep(Math.min(attempt, 20));
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TencentTrocketEndpoint endpoint = getEndpoint();
        TencentTrocketMqttPahoEndpoint paho = TencentTrocketMqttPahoEndpoint.create(endpoint,
                new TencentTrocketMqttEndpointResolver(endpoint).resolve(false));
        Producer producer = paho.createProducer();
        ServiceHelper.startService(paho, producer);
        delegate = producer;
    }

    @Override
    protected void doStop() throws Exception {
        Producer producer = delegate;
        delegate = null;
        if (producer != null) {
            ServiceHelper.stopAndShutdownServices(producer, producer.getEndpoint());
        }
        super.doStop();
    }
}
