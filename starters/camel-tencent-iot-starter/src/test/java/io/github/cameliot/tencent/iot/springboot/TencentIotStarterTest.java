package io.github.cameliot.tencent.iot.springboot;

import java.util.Map;

import io.github.cameliot.springboot.test.StarterContract;
import io.github.cameliot.tencent.iot.FakeIotHub;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application that configures tencent-iot only in its application.yaml (key, region, product and the
 * endpoint of a local fake IoT Hub that checks every request's TC3 signature): a route calls DescribeDevice, another
 * consumes the shadow changes of a device.
 */
class TencentIotStarterTest extends StarterContract {

    /** The key of application.yaml, the only one the hub accepts. */
    static final Map<String, String> KEYS = Map.of("AKIDstarterTest00000000000000000000", "starterTestSecretKey000000000000");

    /** Up as long as the application, which the test framework keeps until the JVM ends, so that no poll fails. */
    static final FakeIotHub HUB = startHub();

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camel;

    TencentIotStarterTest() {
        super("tencent-iot", TencentIotComponentConfiguration.class, "secretKey");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:describe").to("tencent-iot:DescribeDevice?deviceName=dev1");
                    from("tencent-iot:shadow?deviceNames=dev1&initialDelay=0&delay=100").to("mock:shadows");
                }
            };
        }
    }

    private static FakeIotHub startHub() {
        try {
            FakeIotHub hub = new FakeIotHub(KEYS);
            hub.add("dev1", 1);
            hub.report("dev1", "temperature", 21.5);
            return hub;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("fake-iot-hub.url", HUB::url);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRouteCallsAnActionWithTheConfiguredKeyRegionAndProduct() {
        Map<String, Object> device = template.requestBody("direct:describe", Map.of(), Map.class);

        assertThat(device).containsEntry("DeviceName", "dev1").containsEntry("Online", 1);
        assertThat(HUB.calls("DescribeDevice")).singleElement()
                .satisfies(call -> assertThat(call.request()).containsEntry("ProductId", "P1").containsEntry("DeviceName", "dev1"));
        assertThat(HUB.signatureErrors()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShadowStreamDeliversTheDeviceShadow() throws InterruptedException {
        MockEndpoint shadows = camel.getEndpoint("mock:shadows", MockEndpoint.class);
        shadows.expectedMinimumMessageCount(1);
        shadows.assertIsSatisfied(10_000);

        Map<String, Object> shadow = shadows.getExchanges().get(0).getMessage().getBody(Map.class);
        assertThat(shadow).containsEntry("deviceName", "dev1");
        assertThat(shadow.get("reported")).hasToString("{temperature=21.5}");
        assertThat(HUB.signatureErrors()).isEmpty();
    }
}
