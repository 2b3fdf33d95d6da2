package io.github.cameliot.tencent.trocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.INSTANCE_ID;
import static io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.SECRET_ID;
import static io.github.cameliot.tencent.trocket.FakeMqttInstanceApi.SECRET_KEY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the YAML DSL routes {@code routes/trocket-mqtt.yaml} (the example of the documentation) against the embedded
 * HiveMQ, resolved through the fake management API: an MQTT 5 request/reply responder, and a worker of a shared
 * subscription next to a second worker of the same group.
 */
class TencentTrocketMqttYamlDslTest {

    static final String ROUTES = "routes/trocket-mqtt.yaml";
    static final String LOOKUP = "instanceId=" + INSTANCE_ID + "&mqttEndpointType=public&region=ap-guangzhou";

    private final List<String> replies = new CopyOnWriteArrayList<>();
    private final List<String> yamlWorker = new CopyOnWriteArrayList<>();
    private final List<String> javaWorker = new CopyOnWriteArrayList<>();
    private FakeMqttInstanceApi api;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        HiveMqTestBroker broker = HiveMqTestBroker.get();
        api = new FakeMqttInstanceApi(broker.port(), AvailablePortFinder.getNextAvailable());
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("trocket.instanceId", INSTANCE_ID);
        properties.setProperty("trocket.endpoint", api.url());
        properties.setProperty("trocket.secretId", SECRET_ID);
        properties.setProperty("trocket.secretKey", SECRET_KEY);
        properties.setProperty("trocket.responderUser", "responder");
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "classpath:" + ROUTES));
        String keys = "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY + ")&endpoint=" + api.url();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order").process(exchange -> yamlWorker.add(exchange.getMessage().getBody(String.class)));
                from("tencent-trocket:mqtt:$share/workers/orders/+?" + LOOKUP + keys + "&mqttClientId=orders-worker-java")
                        .process(exchange -> javaWorker.add(exchange.getMessage().getBody(String.class)));
                from("direct:order-in").to("tencent-trocket:mqtt:orders/new?" + LOOKUP + keys);
                from("direct:request")
                        .process(exchange -> {
                            MqttProperties request = new MqttProperties();
                            request.setResponseTopic("rpc/replies/yaml-test");
                            request.setCorrelationData("corr-7".getBytes(UTF_8));
                            exchange.getMessage().setHeader(TencentTrocketConstants.MQTT_PROPERTIES, request);
                        })
                        .to("tencent-trocket:mqtt:rpc/echo?" + LOOKUP + keys);
                from("tencent-trocket:mqtt:rpc/replies/yaml-test?" + LOOKUP + keys)
                        .process(exchange -> replies.add(new String(exchange.getMessage()
                                .getHeader(TencentTrocketConstants.MQTT_PROPERTIES, MqttProperties.class)
                                .getCorrelationData(), UTF_8) + ": " + exchange.getMessage().getBody(String.class)));
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        api.close();
    }

    @Test
    void theResponderAnswersAtTheResponseTopicWithTheCorrelationData() throws Exception {
        context.createProducerTemplate().sendBody("direct:request", "ping");

        await("the reply", () -> !replies.isEmpty());
        assertThat(replies).containsExactly("corr-7: echo ping");
        assertThat(HiveMqTestBroker.get().loginsAs("responder")).isNotEmpty();
        assertThat(api.signatureErrors()).isEmpty();
    }

    @Test
    void aSharedSubscriptionGivesEveryOrderToOneWorkerOfTheGroup() throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        int n = 20;
        for (int i = 0; i < n; i++) {
            template.sendBody("direct:order-in", "order-" + i);
        }

        await("every order", () -> yamlWorker.size() + javaWorker.size() >= n);
        // once each, to one worker or the other (HiveMQ keeps giving a worker messages while it has room in flight)
        List<String> all = new ArrayList<>(yamlWorker);
        all.addAll(javaWorker);
        assertThat(all).hasSize(n).doesNotHaveDuplicates()
                .containsAll(IntStream.range(0, n).mapToObj(i -> "order-" + i).toList());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
