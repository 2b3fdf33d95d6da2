package io.github.cameliot.emulator.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.aliyun.AliyunAmqpLogin;
import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AMQP server-side subscription, with Qpid JMS as the aliyun-iot component uses it: a login signed as the IoT
 * Platform documents it is accepted and a wrong one refused; the simulated devices' status changes, publications and
 * property reports arrive with their {@code topic}, {@code messageId} and {@code generateTime}.
 */
class AmqpSubscriptionTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static final ObjectMapper MAPPER = new ObjectMapper();

    AliyunIotEmulator iot;
    EmulatorCredentials keys;
    String productKey;

    @BeforeEach
    void device() {
        iot = CLOUD.emulator().aliyunIot();
        keys = CLOUD.emulator().credentials();
        RpcClient client = new RpcClient(iot.url(), keys.aliyunAccessKeyId(), keys.aliyunAccessKeySecret());
        productKey = client.call("CreateProduct", Map.of("ProductName", "Meters", "NodeType", "0")).body()
                .path("ProductKey").asText();
        client.call("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "meter1"));
    }

    @Test
    void deviceMessagesReachTheConsumerGroup() throws Exception {
        iot.amqpUrl(); // the subscription exists from here on
        SimulatedDevice device = iot.device(productKey, "meter1").connect();
        DeviceMessage published = device.publish("/" + productKey + "/meter1/user/update", "{\"kWh\":12}");
        device.reportProperties(Map.of("power", 230));

        try (Connection connection = connect(keys.aliyunAccessKeySecret())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer receiver = session.createConsumer(session.createQueue(AmqpSubscription.QUEUE));
            connection.start();

            Message status = receiver.receive(10_000);
            assertThat(status.getStringProperty("topic")).isEqualTo("/as/mqtt/status/" + productKey + "/meter1");
            assertThat(json(status).path("status").asText()).isEqualTo("online");

            Message update = receiver.receive(10_000);
            assertThat(update).isInstanceOf(BytesMessage.class);
            assertThat(update.getStringProperty("topic")).isEqualTo(published.topic());
            assertThat(update.getStringProperty("messageId")).isEqualTo(published.messageId());
            assertThat(update.getLongProperty("generateTime")).isEqualTo(published.generateTime());
            assertThat(new String(update.getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo("{\"kWh\":12}");

            Message property = receiver.receive(10_000);
            assertThat(property.getStringProperty("topic"))
                    .isEqualTo("/" + productKey + "/meter1/thing/event/property/post");
            assertThat(json(property).path("items").path("power").path("value").asInt()).isEqualTo(230);
        }
        assertThat(iot.subscription().logins()).singleElement()
                .satisfies(login -> assertThat(login.consumerGroupId()).isEqualTo("DEFAULT_GROUP"))
                .satisfies(login -> assertThat(login.accepted()).isTrue());
    }

    @Test
    void aLoginSignedWithAnotherSecretIsRefused() {
        iot.amqpUrl();
        assertThatThrownBy(() -> connect("not-the-secret").close()).isInstanceOf(JMSSecurityException.class);
        assertThat(iot.subscription().logins()).singleElement()
                .satisfies(login -> assertThat(login.reason()).isEqualTo("wrong signature"));
    }

    private Connection connect(String secret) throws Exception {
        AliyunAmqpLogin login = AliyunAmqpLogin.of(new CloudCredentials(keys.aliyunAccessKeyId(), secret, null),
                "test-client", "", "DEFAULT_GROUP", System.currentTimeMillis());
        JmsConnectionFactory factory = new JmsConnectionFactory(iot.amqpUrl() + "?amqp.saslMechanisms=PLAIN");
        return factory.createConnection(login.username(), login.password());
    }

    private static JsonNode json(Message message) throws Exception {
        return MAPPER.readTree(message.getBody(byte[].class));
    }
}
