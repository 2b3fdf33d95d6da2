package io.github.cameliot.aliyun.iot.springboot;

import java.util.Map;

import io.github.cameliot.aliyun.iot.AliyunIotConstants;
import io.github.cameliot.aliyun.iot.FakeIotPlatform;
import io.github.cameliot.springboot.test.StarterContract;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
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
 * A Spring Boot application that configures aliyun-iot only in its application.yaml (key, region, product and the
 * endpoint of a local fake IoT Platform that checks every request's RPC signature): a route calls QueryDevice, another
 * consumes the shadow changes of a device.
 */
class AliyunIotStarterTest extends StarterContract {

    /** The key of application.yaml, the only one the platform accepts. */
    static final Map<String, String> KEYS = Map.of("LTAI5tStarterTest0000000", "StarterTestAccessKeySecret000000");

    /** Up as long as the application, which the test framework keeps until the JVM ends, so that no poll fails. */
    static final FakeIotPlatform PLATFORM = startPlatform();

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camel;

    AliyunIotStarterTest() {
        super("aliyun-iot", AliyunIotComponentConfiguration.class, "accessKeySecret");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:devices").to("aliyun-iot:QueryDevice");
                    from("aliyun-iot:shadow?deviceNames=dev1&initialDelay=0&delay=100").to("mock:shadows");
                }
            };
        }
    }

    private static FakeIotPlatform startPlatform() {
        try {
            FakeIotPlatform platform = new FakeIotPlatform(KEYS);
            platform.add("dev1");
            platform.report("dev1", "temperature", 21.5);
            return platform;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("fake-iot-platform.url", PLATFORM::url);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRouteCallsAnActionWithTheConfiguredKeyRegionAndProduct() {
        Map<String, Object> devices = template.requestBody("direct:devices", Map.of(), Map.class);

        assertThat(devices.get("Data").toString()).contains("DeviceName=dev1");
        assertThat(PLATFORM.calls("QueryDevice")).singleElement()
                .satisfies(call -> assertThat(call.get("ProductKey")).isEqualTo("a1PollTest"));
        assertThat(PLATFORM.signatureErrors()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShadowStreamDeliversTheDeviceShadow() throws InterruptedException {
        MockEndpoint shadows = camel.getEndpoint("mock:shadows", MockEndpoint.class);
        shadows.expectedMinimumMessageCount(1);
        shadows.assertIsSatisfied(10_000);

        Message shadow = shadows.getExchanges().get(0).getMessage();
        assertThat(shadow.getHeader(AliyunIotConstants.DEVICE_NAME)).isEqualTo("dev1");
        assertThat(shadow.getBody(Map.class).get("state")).hasToString("{desired={}, reported={temperature=21.5}}");
        assertThat(PLATFORM.signatureErrors()).isEmpty();
    }
}
