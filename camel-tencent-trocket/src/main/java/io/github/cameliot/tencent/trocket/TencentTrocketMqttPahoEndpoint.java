package io.github.cameliot.tencent.trocket;

import io.github.cameliot.tencent.trocket.TencentTrocketMqttEndpointResolver.MqttLogin;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Configuration;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Persistence;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * The camel-paho-mqtt5 endpoint an MQTT endpoint of {@code tencent-trocket} delegates to: built in code from the
 * resolved address and login and the mqtt options, never from a URI, so that its URI ({@code paho-mqtt5:TOPIC}) carries
 * no secret. It is not registered in the Camel context: the producer or consumer that made it owns it.
 */
final class TencentTrocketMqttPahoEndpoint extends PahoMqtt5Endpoint {

    private TencentTrocketMqttPahoEndpoint(String topic, PahoMqtt5Component component, PahoMqtt5Configuration configuration) {
        super("paho-mqtt5:" + topic, topic, component, configuration);
    }

    /** The paho-mqtt5 endpoint of the topic (filter) of {@code endpoint}, connecting to {@code login}. */
    static TencentTrocketMqttPahoEndpoint create(TencentTrocketEndpoint endpoint, MqttLogin login) {
        PahoMqtt5Component component = endpoint.getCamelContext().getComponent("paho-mqtt5", PahoMqtt5Component.class);
        return new TencentTrocketMqttPahoEndpoint(endpoint.getName(), component,
                configuration(endpoint.getConfiguration(), login));
    }

    static PahoMqtt5Configuration configuration(TencentTrocketConfiguration options, MqttLogin login) {
        PahoMqtt5Configuration paho = new PahoMqtt5Configuration();
        paho.setBrokerUrl(login.brokerUrl());
        paho.setUserName(login.username());
        paho.setPassword(login.password());
        paho.setClientId(options.getMqttClientId());
        paho.setQos(options.getMqttQos());
        paho.setRetained(options.isMqttRetained());
        paho.setCleanStart(options.isMqttCleanStart());
        paho.setSessionExpiryInterval(options.getMqttSessionExpiryInterval());
        paho.setAutomaticReconnect(options.isMqttAutomaticReconnect());
        paho.setMaxReconnectDelay(options.getMqttMaxReconnectDelay());
        paho.setKeepAliveInterval(options.getMqttKeepAliveInterval());
        paho.setConnectionTimeout(options.getMqttConnectionTimeout());
        paho.setReceiveMaximum(options.getMqttReceiveMaximum());
        paho.setSslClientProps(options.getMqttSslClientProps());
        paho.setSocketFactory(options.getMqttSocketFactory());
        paho.setHttpsHostnameVerificationEnabled(options.isMqttHttpsHostnameVerificationEnabled());
        paho.setPersistence(PahoMqtt5Persistence.MEMORY);
        return paho;
    }

    /** Paho's connection options from the configuration, login included, as camel-paho-mqtt5 builds them. */
    MqttConnectionOptions connectionOptions() {
        return createMqttConnectionOptions();
    }

    MqttClientPersistence persistence() {
        return createMqttClientPersistence(getConfiguration());
    }

    /** The configured client id, or a new one. */
    String clientId() {
        String clientId = getConfiguration().getClientId();
        return clientId != null ? clientId : generateClientId();
    }
}
