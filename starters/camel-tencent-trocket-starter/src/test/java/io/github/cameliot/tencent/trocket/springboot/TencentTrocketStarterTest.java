package io.github.cameliot.tencent.trocket.springboot;

import java.util.Map;

import io.github.cameliot.springboot.test.StarterContract;
import io.github.cameliot.tencent.trocket.FakeMqttInstanceApi;
import io.github.cameliot.tencent.trocket.HiveMqTestBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application that configures tencent-trocket only in its application.yaml (key, region, MQTT instance
 * and the endpoint of a local fake management API that checks every request's TC3 signature and gives an embedded
 * HiveMQ as the instance's broker): a route calls DescribeMQTTUserList, another consumes an MQTT topic filter that a
 * third publishes to.
 */
class TencentTrocketStarterTest extends StarterContract {

    /** Up as long as the application, which the test framework keeps until the JVM ends. */
    static final FakeMqttInstanceApi API = startApi();

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camel;

    TencentTrocketStarterTest() {
        super("tencent-trocket", TencentTrocketComponentConfiguration.class, "secretKey");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:users").to("tencent-trocket:DescribeMQTTUserList");
                    from("direct:publish").to("tencent-trocket:mqtt:starter/telemetry");
                    from("tencent-trocket:mqtt:starter/+").to("mock:telemetry");
                }
            };
        }
    }

    /** The API, whose other endpoints (VPC, WebSocket) name a port nothing listens on. */
    private static FakeMqttInstanceApi startApi() {
        try {
            return new FakeMqttInstanceApi(HiveMqTestBroker.get().port(), AvailablePortFinder.getNextAvailable());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("fake-trocket-api.url", API::url);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRouteCallsAnActionWithTheConfiguredKeyRegionAndInstance() {
        Map<String, Object> users = template.requestBody("direct:users", Map.of(), Map.class);

        assertThat(users.get("Data").toString()).contains("Username=reader");
        assertThat(API.calls()).anySatisfy(call -> assertThat(call.action()).isEqualTo("DescribeMQTTUserList"))
                .allSatisfy(call -> assertThat(call.parameters()).containsEntry("InstanceId", FakeMqttInstanceApi.INSTANCE_ID));
        assertThat(API.signatureErrors()).isEmpty();
    }

    @Test
    void theMqttStreamDeliversWhatARoutePublishes() throws InterruptedException {
        MockEndpoint telemetry = camel.getEndpoint("mock:telemetry", MockEndpoint.class);
        telemetry.expectedBodiesReceived("21.5");

        template.sendBody("direct:publish", "21.5");

        telemetry.assertIsSatisfied(10_000);
        assertThat(API.signatureErrors()).isEmpty();
    }
}
