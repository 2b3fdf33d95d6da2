package io.github.cameliot.tencent.trocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.tencent.trocket.TrocketMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.client.apis.SessionCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component against the embedded cloud, pointed at it only by the {@code endpoint} option and the emulator's
 * keys: the management API creates the instance, topic, group and role, and the topic endpoints, given only the
 * instance id and the role's name, find the access point (DescribeInstance) and the role's keys (DescribeRoleList)
 * through the emulated API, then move messages over the real RocketMQ behind it (the run's shared test server); the
 * mqtt endpoints find the broker (the run's HiveMQ) and their users' passwords the same way.
 */
class TencentTrocketEmulatorTest extends RocketMqTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static CloudEmulator cloud;

    @BeforeAll
    static void startCloud() {
        cloud = CloudEmulator.start();
        cloud.trocket().useRocketMq(server());
    }

    @AfterAll
    static void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
    }

    /** The options that point an endpoint at the emulated API. */
    static String api() {
        EmulatorCredentials keys = cloud.credentials();
        return "endpoint=" + cloud.trocket().url() + "&region=ap-guangzhou&secretId=" + keys.tencentSecretId()
               + "&secretKey=RAW(" + keys.tencentSecretKey() + ")";
    }

    @Test
    void routesCreateAnInstanceAndExchangeMessagesThroughIt() throws Exception {
        CamelContext camel = context(null);
        ProducerTemplate template = camel.createProducerTemplate();
        String instanceId = (String) call(template, "CreateInstance",
                Map.of("InstanceType", "BASIC", "Name", "e2e", "SkuCode", "basic_1k")).get("InstanceId");
        String topic = unique("emulated");
        String group = unique("g-emulated");
        String readBack = unique("g-read-back");
        call(template, "CreateTopic", Map.of("InstanceId", instanceId, "Topic", topic, "TopicType", "NORMAL", "QueueNum", 2));
        for (String name : List.of(group, readBack)) {
            call(template, "CreateConsumerGroup", Map.of("InstanceId", instanceId, "ConsumerGroup", name, "MaxRetryTimes", 3,
                    "ConsumeEnable", true, "ConsumeMessageOrderly", false));
        }
        call(template, "CreateRole", Map.of("InstanceId", instanceId, "Role", "app", "Remark", "e2e", "PermWrite", true,
                "PermRead", true));
        Map<?, ?> role = (Map<?, ?>) ((List<?>) call(template, "DescribeRoleList",
                Map.of("InstanceId", instanceId, "Offset", 0, "Limit", 10)).get("Data")).get(0);

        String topicOptions = api() + "&instanceId=" + instanceId + "&role=app";
        BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-trocket:topic:" + topic + "?" + topicOptions + "&consumerGroup=" + group
                             + "&awaitDuration=1000")
                        .process(exchange -> received.add(exchange.copy()));
            }
        });

        // the producer found the access point and the role's keys through the emulated API
        TencentTrocketEndpoint producer = camel.getEndpoint("tencent-trocket:topic:" + topic + "?" + topicOptions,
                TencentTrocketEndpoint.class);
        assertThat(TencentTrocketClientSettings.lookUpAccessPoint(producer, TencentTrocketClientSettings.VPC))
                .isEqualTo(server().endpoint());
        SessionCredentials credentials = TencentTrocketClientSettings.credentials(producer);
        assertThat(credentials.getAccessKey()).isEqualTo(role.get("AccessKey"));
        assertThat(credentials.getAccessSecret()).isEqualTo(role.get("SecretKey"));

        template.sendBodyAndHeader(producer, "from a route", TencentTrocketConstants.TAG, "route");
        Exchange first = next(received);
        assertThat(first.getMessage().getBody(String.class)).isEqualTo("from a route");
        assertThat(first.getMessage().getHeader(TencentTrocketConstants.TAG)).isEqualTo("route");

        // what the cloud's own services put on the topic (IoT Hub's rules forwarding to TDMQ) reaches the route
        String id = cloud.trocket().send(instanceId, topic, "rule", "from the cloud".getBytes(StandardCharsets.UTF_8));
        Exchange second = next(received);
        assertThat(second.getMessage().getBody(String.class)).isEqualTo("from the cloud");
        assertThat(second.getMessage().getHeader(TencentTrocketConstants.TAG)).isEqualTo("rule");
        assertThat(second.getMessage().getHeader(TencentTrocketConstants.MESSAGE_ID)).isEqualTo(id);

        // and the emulator reads the topic back, as another consumer group
        List<TrocketMessage> readBackMessages = new java.util.ArrayList<>();
        await("both messages read back", WAIT, () -> {
            readBackMessages.addAll(cloud.trocket().receive(instanceId, topic, readBack, 16, Duration.ofSeconds(2)));
            return readBackMessages.size() >= 2;
        }, readBackMessages::toString);
        assertThat(readBackMessages).extracting(TrocketMessage::text).containsExactlyInAnyOrder("from a route",
                "from the cloud");
    }

    @Test
    void mqttEndpointsFindTheBrokerAndTheirLoginsThroughTheEmulatedApi() throws Exception {
        HiveMqTestBroker broker = HiveMqTestBroker.get();
        cloud.trocket().useMqttBroker("127.0.0.1", broker.port());
        CamelContext camel = context(null);
        ProducerTemplate template = camel.createProducerTemplate();
        String instanceId = (String) call(template, "CreateMQTTInstance",
                Map.of("InstanceType", "BASIC", "Name", "devices", "SkuCode", "basic_1k")).get("InstanceId");
        for (String user : List.of("reader", "writer")) {
            call(template, "CreateMQTTUser", Map.of("InstanceId", instanceId, "Username", user, "Remark", "e2e",
                    "Password", HiveMqTestBroker.USERS.get(user), "PermRead", user.equals("reader"),
                    "PermWrite", user.equals("writer")));
        }
        String mqttOptions = api() + "&instanceId=" + instanceId;
        BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-trocket:mqtt:emulated/+/temp?" + mqttOptions + "&mqttClientId=emulated-consumer")
                        .process(exchange -> received.add(exchange.copy()));
            }
        });

        template.sendBody("tencent-trocket:mqtt:emulated/kitchen/temp?" + mqttOptions
                          + "&mqttClientId=emulated-producer", "21.5");

        Exchange message = next(received);
        assertThat(message.getMessage().getBody(String.class)).isEqualTo("21.5");
        assertThat(message.getMessage().getHeader(TencentTrocketConstants.MQTT_TOPIC)).isEqualTo("emulated/kitchen/temp");
        // each logged in as the instance's user allowed to do what it does, with the password the API answered
        assertThat(broker.logins("emulated-consumer")).extracting(HiveMqTestBroker.Login::username).containsOnly("reader");
        assertThat(broker.logins("emulated-producer")).extracting(HiveMqTestBroker.Login::username).containsOnly("writer");
        assertThat(broker.logins("emulated-producer")).allSatisfy(login -> assertThat(login.accepted()).isTrue());
    }

    private static Map<?, ?> call(ProducerTemplate template, String action, Map<String, Object> parameters) {
        return template.requestBody("tencent-trocket:" + action + "?" + api(), parameters, Map.class);
    }

    private static Exchange next(BlockingQueue<Exchange> received) throws InterruptedException {
        Exchange exchange = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exchange).as("a message within %s", WAIT).isNotNull();
        return exchange;
    }
}
