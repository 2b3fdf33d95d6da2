package io.github.cameliot.tencent.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.tencent.iothub.IotHubEmulator;
import io.github.cameliot.emulator.tencent.iothub.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component end to end against the embedded IoT Hub, pointed at it only through the {@code endpoint} option and
 * the emulator's keys: producers create products and devices and publish to simulated devices, the shadow consumer
 * follows a desired state to the device and back, the forward consumer receives a rule's signed posts, and the
 * devices consumer sees devices come online.
 */
class TencentIotEmulatorTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    private static final String FORWARD_TOKEN = "emulated-forward-token";

    private final BlockingQueue<Exchange> received = new LinkedBlockingQueue<>();
    private CamelContext camel;
    private ProducerTemplate template;
    private IotHubEmulator iotHub;
    private String options;

    @BeforeEach
    void connectTheComponentToTheEmulator() {
        iotHub = CLOUD.emulator().iotHub();
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        options = "region=ap-guangzhou&endpoint=" + iotHub.url() + "&secretId=" + keys.tencentSecretId()
                  + "&secretKey=RAW(" + keys.tencentSecretKey() + ")&maxRetries=0";
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (template != null) {
            template.close();
        }
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void createsAProductAndADeviceAndPublishesToIt() throws Exception {
        start(null, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").toD("tencent-iot:${header.action}?" + options);
                from("direct:publish").to("tencent-iot:PublishMessage?qos=1&" + options);
            }
        });
        Map<?, ?> product = call("CreateProduct", Map.of("ProductName", "meters"));
        String productId = (String) product.get("ProductId");
        Map<?, ?> device = call("CreateDevice", Map.of("ProductId", productId, "DeviceName", "dev1"));
        assertThat(Base64.getDecoder().decode((String) device.get("DevicePsk"))).hasSize(16);
        SimulatedDevice dev1 = iotHub.device(productId, "dev1").connect();

        template.send("direct:publish", exchange -> {
            exchange.getMessage().setHeader(TencentIotConstants.PRODUCT_ID, productId);
            exchange.getMessage().setHeader(TencentIotConstants.DEVICE_NAME, "dev1");
            exchange.getMessage().setHeader(TencentIotConstants.TOPIC, productId + "/dev1/control");
            exchange.getMessage().setBody("{\"switch\":\"on\"}");
        });
        template.send("direct:publish", exchange -> {
            exchange.getMessage().setHeader(TencentIotConstants.PRODUCT_ID, productId);
            exchange.getMessage().setHeader(TencentIotConstants.DEVICE_NAME, "dev1");
            exchange.getMessage().setHeader(TencentIotConstants.TOPIC, productId + "/dev1/control");
            exchange.getMessage().setBody(new byte[] { 0, 1, 2 });
        });

        assertThat(dev1.received()).hasSize(2);
        assertThat(dev1.received().get(0).text()).isEqualTo("{\"switch\":\"on\"}");
        assertThat(dev1.received().get(1).payload()).containsExactly(0, 1, 2);
        Map<?, ?> described = call("DescribeDevice", Map.of("ProductId", productId, "DeviceName", "dev1"));
        assertThat(described.get("Online")).isEqualTo(1);
    }

    @Test
    void aDesiredStateTravelsToTheDeviceAndItsReportComesBackThroughTheShadowConsumer() throws Exception {
        String productId = iotHub.createProduct("SHADOWS001", "shadows", null);
        SimulatedDevice device = iotHub.createDevice(productId, "lamp").connect();
        // the device applies what it is asked and reports it, as firmware does on a shadow delta
        device.onMessage(message -> {
            if (message.topic().startsWith("$shadow/operation/result/")) {
                device.reportShadow(device.desired());
            }
        });
        start(null, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:desire").to("tencent-iot:UpdateDeviceShadow?shadowAutoVersion=true&productId=" + productId
                                          + "&deviceName=lamp&" + options);
                from("tencent-iot:shadow?productId=" + productId + "&deviceNames=lamp&delay=100&" + options)
                        .process(exchange -> received.add(exchange.copy()));
            }
        });

        Exchange updated = template.request("direct:desire",
                exchange -> exchange.getMessage().setBody(Map.of("State", Map.of("desired", Map.of("color", "red")))));
        assertThat(updated.getException()).isNull();
        assertThat(updated.getMessage().getHeader(TencentIotConstants.SHADOW_VERSION)).isEqualTo(1L);

        Map<?, ?> shadow = nextShadowWith(2L);
        assertThat(shadow.get("desired")).isEqualTo(Map.of("color", "red"));
        assertThat(shadow.get("reported")).isEqualTo(Map.of("color", "red"));
        assertThat(shadow.get("delta")).as("the device applied it").isEqualTo(Map.of());
    }

    @Test
    void aForwardRuleDeliversDeviceTelemetryToTheForwardConsumer() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        String productId = iotHub.createProduct("SENSORS001", "sensors", null);
        SimulatedDevice sensor = iotHub.createDevice(productId, "sensor1").connect();
        start(port, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").toD("tencent-iot:${header.action}?" + options);
                from("tencent-iot:forward?path=/iot/forward&token=" + FORWARD_TOKEN)
                        .process(exchange -> received.add(exchange.copy()));
            }
        });
        String sql = "SELECT *, topic() AS topic FROM '" + productId + "/+/event' WHERE temperature > 30";
        call("CreateTopicRule", Map.of("RuleName", "hot", "TopicRulePayload", Map.of(
                "Sql", Base64.getEncoder().encodeToString(sql.getBytes(StandardCharsets.UTF_8)),
                "Actions", "[{\"forward\":{\"api\":\"http://127.0.0.1:" + port + "/iot/forward\",\"token\":\""
                           + FORWARD_TOKEN + "\"}}]")));

        sensor.publish(sensor.topic("event"), "{\"temperature\":20}");
        sensor.publish(sensor.topic("event"), "{\"temperature\":38.5}");

        Exchange forwarded = next();
        assertThat(forwarded.getMessage().getBody(String.class))
                .isEqualTo("{\"temperature\":38.5,\"topic\":\"" + productId + "/sensor1/event\"}");
        assertThat(forwarded.getMessage().getHeaders())
                .containsEntry(TencentIotConstants.PRODUCT_ID, productId)
                .containsEntry(TencentIotConstants.DEVICE_NAME, "sensor1")
                .containsEntry(TencentIotConstants.TOPIC, productId + "/sensor1/event");
        assertThat(received).as("the cold reading was not selected").isEmpty();
    }

    @Test
    void theDevicesConsumerSeesADeviceComeOnline() throws Exception {
        String productId = iotHub.createProduct("FLEET00001", "fleet", null);
        SimulatedDevice device = iotHub.createDevice(productId, "dev1");
        start(null, new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-iot:devices?productId=" + productId + "&delay=100&" + options)
                        .process(exchange -> received.add(exchange.copy()));
            }
        });

        Exchange added = next();
        assertThat(added.getMessage().getHeader(TencentIotConstants.EVENT_TYPE)).isEqualTo("DeviceAdded");
        device.connect();
        Exchange online = next();
        assertThat(online.getMessage().getHeader(TencentIotConstants.EVENT_TYPE)).isEqualTo("Online");
        assertThat(online.getMessage().getHeader(TencentIotConstants.DEVICE_NAME)).isEqualTo("dev1");
        device.disconnect();
        assertThat(next().getMessage().getHeader(TencentIotConstants.EVENT_TYPE)).isEqualTo("Offline");
    }

    private void start(Integer httpPort, RoutesBuilder routes) throws Exception {
        camel = new DefaultCamelContext();
        if (httpPort != null) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setPort(httpPort);
            camel.addService(new VertxPlatformHttpServer(server));
        }
        camel.addRoutes(routes);
        camel.start();
        template = camel.createProducerTemplate();
    }

    private Map<?, ?> call(String action, Map<String, Object> parameters) {
        Exchange done = template.request("direct:call", exchange -> {
            exchange.getMessage().setHeader("action", action);
            exchange.getMessage().setBody(parameters);
        });
        assertThat(done.getException()).as(action).isNull();
        return done.getMessage().getBody(Map.class);
    }

    private Exchange next() throws InterruptedException {
        Exchange next = received.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("an exchange from the consumer").isNotNull();
        return next;
    }

    /** The shadow consumer's next deliveries until the version is reached. */
    private Map<?, ?> nextShadowWith(long version) throws InterruptedException {
        while (true) {
            Map<?, ?> shadow = next().getMessage().getBody(Map.class);
            if (((Number) shadow.get("version")).longValue() >= version) {
                return shadow;
            }
        }
    }

}
