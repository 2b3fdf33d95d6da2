package io.github.cameliot.tencent.trocket;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code tencent-trocket} component.
 */
public final class TencentTrocketConstants {

    @Metadata(label = "producer", description = "Management API: the action to call, overriding the one in the endpoint "
                                                + "URI.",
              javaType = "String")
    public static final String OPERATION = "CamelTencentTrocketOperation";
    @Metadata(label = "producer", description = "Management API: the request id Tencent Cloud gave the call.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelTencentTrocketRequestId";
    @Metadata(label = "producer", description = "Management API: the instance, for actions that take InstanceId and whose "
                                                + "parameters leave it out; overrides the instanceId option.",
              javaType = "String")
    public static final String INSTANCE_ID = "CamelTencentTrocketInstanceId";

    // ---- RocketMQ messaging (topic)

    @Metadata(description = "topic: the message id. Producer: the id the broker gave the sent message. Consumer: the id of "
                            + "the received message.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelTencentTrocketMessageId";
    @Metadata(description = "topic: the message's tag, which consumers filter on. Producer: overrides the tag option.",
              javaType = "String")
    public static final String TAG = "CamelTencentTrocketTag";
    @Metadata(description = "topic: the message's keys, for looking messages up. Producer: a String (several separated by "
                            + "commas) or a Collection of Strings. Consumer: a List of Strings.",
              javaType = "java.util.List<String>")
    public static final String KEYS = "CamelTencentTrocketKeys";
    @Metadata(description = "topic: the message group of a FIFO topic; messages of one group are delivered in the order "
                            + "they were sent. Producer: overrides the messageGroup option; required on FIFO topics.",
              javaType = "String")
    public static final String MESSAGE_GROUP = "CamelTencentTrocketMessageGroup";
    @Metadata(description = "topic: the time (epoch milliseconds) at which a message of a DELAY topic is delivered. "
                            + "Producer: wins over CamelTencentTrocketDeliveryDelay.",
              javaType = "Long")
    public static final String DELIVERY_TIMESTAMP = "CamelTencentTrocketDeliveryTimestamp";
    @Metadata(label = "producer", description = "topic: deliver the message of a DELAY topic this many milliseconds after "
                                                + "sending it (the delivery timestamp is computed when the message is sent).",
              javaType = "Long")
    public static final String DELIVERY_DELAY = "CamelTencentTrocketDeliveryDelay";
    @Metadata(description = "topic: the message's user properties. Producer: a Map whose entries are added as properties "
                            + "(values as strings). Consumer: a Map of String to String.",
              javaType = "java.util.Map<String, String>")
    public static final String PROPERTIES = "CamelTencentTrocketProperties";
    @Metadata(label = "consumer", description = "topic: the topic the message was received from.", javaType = "String")
    public static final String TOPIC = "CamelTencentTrocketTopic";
    @Metadata(label = "consumer", description = "topic: when the producer created the message (epoch milliseconds).",
              javaType = "Long")
    public static final String BORN_TIMESTAMP = "CamelTencentTrocketBornTimestamp";
    @Metadata(label = "consumer", description = "topic: the host of the producer that sent the message.", javaType = "String")
    public static final String BORN_HOST = "CamelTencentTrocketBornHost";
    @Metadata(label = "consumer", description = "topic: which delivery of the message this is: 1 the first, 2 the first "
                                                + "redelivery, and so on.",
              javaType = "Integer")
    public static final String DELIVERY_ATTEMPT = "CamelTencentTrocketDeliveryAttempt";

    // ---- MQTT (mqtt)

    @Metadata(label = "consumer", description = "mqtt: the topic the message was published to (the header of "
                                                + "camel-paho-mqtt5).",
              javaType = "String")
    public static final String MQTT_TOPIC = "CamelMqttTopic";
    @Metadata(label = "consumer", description = "mqtt: the quality of service the message was delivered with (the header "
                                                + "of camel-paho-mqtt5).",
              javaType = "Integer")
    public static final String MQTT_QOS = "CamelMqttQoS";
    @Metadata(label = "consumer", description = "mqtt: true when the broker delivers again a message whose exchange "
                                                + "failed in this consumer (and that was therefore not acknowledged).",
              javaType = "Boolean")
    public static final String MQTT_REDELIVERED = "CamelTencentTrocketMqttRedelivered";
    @Metadata(description = "mqtt: the MQTT 5 properties of the message: consumers set those received (response topic, "
                            + "correlation data, user properties, ...); producers send those given (the header of "
                            + "camel-paho-mqtt5).",
              javaType = "org.eclipse.paho.mqttv5.common.packet.MqttProperties")
    public static final String MQTT_PROPERTIES = "CamelPahoMqtt5MsgProperties";
    @Metadata(label = "producer", description = "mqtt: the topic to publish to instead of the endpoint's (the header of "
                                                + "camel-paho-mqtt5).",
              javaType = "String")
    public static final String MQTT_OVERRIDE_TOPIC = "CamelPahoMqtt5OverrideTopic";
    @Metadata(label = "producer", description = "mqtt: the quality of service to publish with instead of mqttQos (the "
                                                + "header of camel-paho-mqtt5).",
              javaType = "Integer")
    public static final String MQTT_PUBLISH_QOS = "CamelPahoMqtt5Qos";
    @Metadata(label = "producer", description = "mqtt: whether the broker retains the message, instead of mqttRetained "
                                                + "(the header of camel-paho-mqtt5).",
              javaType = "Boolean")
    public static final String MQTT_RETAINED = "CamelPahoMqtt5Retained";

    private TencentTrocketConstants() {
    }
}
