package io.github.cameliot.aliyun.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.aliyun.AliyunIotEmulator;
import io.github.cameliot.emulator.aliyun.DeviceMessage;
import io.github.cameliot.emulator.aliyun.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component end to end against the embedded IoT Platform, pointed at it only through {@code endpoint} and
 * {@code amqpEndpoint} and the emulator's keys: products and devices made by routes, Pub reaching a simulated device,
 * RRpc answered by it, its telemetry arriving through {@code aliyun-iot:amqp}, and the shadow and property pollers
 * seeing what it reports.
 */
class AliyunIotEmulatorTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private CamelContext camel;
    private ProducerTemplate template;
    private AliyunIotEmulator iot;
    private String productKey;

    @BeforeEach
    void productAndDevice() throws Exception {
        iot = CLOUD.emulator().aliyunIot();
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
        Map<?, ?> product = call("CreateProduct", Map.of("ProductName", "EmulatedLamps", "NodeType", 0));
        productKey = (String) product.get("ProductKey");
        Map<?, ?> device = call("RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", "lamp1"));
        assertThat(((Map<?, ?>) device.get("Data")).get("DeviceSecret")).isNotNull();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void pubReachesTheDeviceAndRrpcIsAnswered() throws Exception {
        SimulatedDevice lamp = iot.device(productKey, "lamp1")
                .onRrpc(request -> ("on:" + new String(request, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))
                .connect();
        Map<?, ?> status = call("GetDeviceStatus", Map.of("ProductKey", productKey, "DeviceName", "lamp1"));
        assertThat(((Map<?, ?>) status.get("Data")).get("Status")).isEqualTo("ONLINE");

        String topic = "/" + productKey + "/lamp1/user/get";
        Exchange pub = template.request(api("Pub") + "&productKey=" + productKey, exchange -> {
            exchange.getMessage().setHeader(AliyunIotConstants.TOPIC_FULL_NAME, topic);
            exchange.getMessage().setBody("switch on");
        });
        assertThat(pub.getException()).isNull();
        DeviceMessage delivered = lamp.received().get(0);
        assertThat(delivered.topic()).isEqualTo(topic);
        assertThat(delivered.text()).isEqualTo("switch on");
        assertThat(delivered.messageId()).isEqualTo(pub.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID));

        Exchange rrpc = template.request(api("RRpc") + "&productKey=" + productKey + "&deviceName=lamp1"
                + "&rrpcTimeout=3000", exchange -> exchange.getMessage().setBody("now"));
        assertThat(rrpc.getException()).isNull();
        assertThat(rrpc.getMessage().getHeader(AliyunIotConstants.RRPC_CODE)).isEqualTo("SUCCESS");
        assertThat(new String(rrpc.getMessage().getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo("on:now");

        lamp.disconnect();
        Exchange offline = template.request(api("RRpc") + "&productKey=" + productKey + "&deviceName=lamp1",
                exchange -> exchange.getMessage().setBody("now"));
        assertThat(offline.getMessage().getHeader(AliyunIotConstants.RRPC_CODE)).isEqualTo("OFFLINE");
    }

    @Test
    void telemetryArrivesThroughTheAmqpSubscription() throws Exception {
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aliyun-iot:amqp:DEFAULT_GROUP?amqpEndpoint=RAW(" + iot.amqpUrl() + ")&clientId=emulator-test"
                        + "&regionId=cn-shanghai&accessKeyId=" + keys.aliyunAccessKeyId() + "&accessKeySecret=RAW("
                        + keys.aliyunAccessKeySecret() + ")")
                        .process(exchange -> received.add(exchange.getMessage().copy()));
            }
        });
        SimulatedDevice lamp = iot.device(productKey, "lamp1").connect();
        DeviceMessage published = lamp.publish("/" + productKey + "/lamp1/user/update", "{\"lux\":310}");
        lamp.reportProperties(Map.of("temperature", 41));

        Message online = next();
        assertThat(online.getHeader(AliyunIotConstants.AMQP_TOPIC)).isEqualTo("/as/mqtt/status/" + productKey + "/lamp1");
        Message update = next();
        assertThat(update.getHeader(AliyunIotConstants.AMQP_TOPIC)).isEqualTo(published.topic());
        assertThat(update.getHeader(AliyunIotConstants.AMQP_MESSAGE_ID)).isEqualTo(published.messageId());
        assertThat(update.getHeader(AliyunIotConstants.AMQP_GENERATE_TIME)).isEqualTo(published.generateTime());
        assertThat(new String(update.getBody(byte[].class), StandardCharsets.UTF_8)).isEqualTo("{\"lux\":310}");
        Message property = next();
        assertThat(property.getHeader(AliyunIotConstants.AMQP_TOPIC))
                .isEqualTo("/" + productKey + "/lamp1/thing/event/property/post");
        assertThat(new String(property.getBody(byte[].class), StandardCharsets.UTF_8)).contains("\"temperature\"");
    }

    @Test
    void thePollersSeeTheShadowAndThePropertiesTheDeviceReports() throws Exception {
        SimulatedDevice lamp = iot.device(productKey, "lamp1").connect();
        lamp.reportProperties(Map.of("temperature", 20));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(api("shadow") + "&productKey=" + productKey + "&deviceNames=lamp1&delay=200")
                        .process(exchange -> received.add(exchange.getMessage().copy()));
                from(api("property") + "&productKey=" + productKey + "&deviceNames=lamp1&identifiers=temperature"
                        + "&lookBack=1h&delay=200")
                        .process(exchange -> received.add(exchange.getMessage().copy()));
            }
        });
        Message property = next();
        assertThat(property.getHeader(AliyunIotConstants.IDENTIFIER)).isEqualTo("temperature");
        assertThat(property.getBody(Map.class)).containsEntry("Value", "20");

        Exchange update = template.request(api("UpdateDeviceShadow") + "&productKey=" + productKey
                + "&deviceName=lamp1&shadowAutoVersion=true", exchange -> exchange.getMessage()
                .setBody(Map.of("ShadowMessage", Map.of("method", "update", "state",
                        Map.of("desired", Map.of("color", "green"))))));
        assertThat(update.getException()).isNull();
        Message shadow = next();
        assertThat(shadow.getHeader(AliyunIotConstants.SHADOW_VERSION)).isEqualTo(1L);
        assertThat(lamp.received()).extracting(DeviceMessage::topic).contains("/shadow/get/" + productKey + "/lamp1");

        lamp.reportShadow(Map.of("color", "green"));
        lamp.reportProperties(Map.of("temperature", 21));
        List<Message> next = List.of(next(), next());
        assertThat(next).anySatisfy(message -> assertThat(message.getHeader(AliyunIotConstants.SHADOW_VERSION))
                .isEqualTo(2L));
        assertThat(next).anySatisfy(message -> assertThat(message.getBody(Map.class)).containsEntry("Value", "21"));
    }

    private Message next() throws InterruptedException {
        Message message = received.poll(30, TimeUnit.SECONDS);
        assertThat(message).as("a message from the route").isNotNull();
        return message;
    }

    private Map<?, ?> call(String action, Map<String, Object> body) {
        Exchange done = template.request(api(action), exchange -> exchange.getMessage().setBody(body));
        assertThat(done.getException()).as("%s", action).isNull();
        return done.getMessage().getBody(Map.class);
    }

    /** An endpoint pointed at the emulator by its endpoint option and keys only. */
    private String api(String action) {
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        return "aliyun-iot:" + action + "?regionId=cn-shanghai&endpoint=" + iot.url() + "&accessKeyId="
                + keys.aliyunAccessKeyId() + "&accessKeySecret=RAW(" + keys.aliyunAccessKeySecret() + ")";
    }
}
