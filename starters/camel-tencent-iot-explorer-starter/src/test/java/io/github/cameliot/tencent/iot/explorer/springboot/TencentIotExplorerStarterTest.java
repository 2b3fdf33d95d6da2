package io.github.cameliot.tencent.iot.explorer.springboot;

import java.time.Duration;
import java.util.Map;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.tencent.explorer.ExplorerEmulator;
import io.github.cameliot.emulator.tencent.explorer.SimulatedDevice;
import io.github.cameliot.springboot.test.StarterContract;
import io.github.cameliot.tencent.iot.explorer.TencentIotExplorerConstants;
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
 * A Spring Boot application that configures tencent-iot-explorer only in its application.yaml (the application's
 * AppKey and AppSecret, the login parameters, and the addresses of the local cloud emulator, which checks the
 * signature of the login and the token of every call): a route calls AppGetFamilyList with the token of the login,
 * another consumes the pushes of a device bound to the user.
 */
class TencentIotExplorerStarterTest extends StarterContract {

    static final String DEVICE = "PRODUCT001/lamp";

    /** Up as long as the application, which the test framework keeps until the JVM ends. */
    static final ExplorerEmulator EXPLORER = CloudEmulator.builder().rocketMq(false).start().explorer();
    static final SimulatedDevice LAMP = EXPLORER.bindDevice("o-starter-user", EXPLORER.device("PRODUCT001", "lamp").online());

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camel;

    TencentIotExplorerStarterTest() {
        super("tencent-iot-explorer", TencentIotExplorerComponentConfiguration.class, "appSecret");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:families").to("tencent-iot-explorer:AppGetFamilyList");
                    from("tencent-iot-explorer:push?deviceIds=" + DEVICE).to("mock:pushes");
                }
            };
        }
    }

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("emulator.explorer-url", () -> EXPLORER.url().toString());
        registry.add("emulator.push-url", () -> EXPLORER.pushUrl().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRouteCallsAnActionWithTheTokenOfTheConfiguredLogin() {
        Map<String, Object> families = template.requestBody("direct:families", (Object) null, Map.class);

        // the family the emulator created for the user of the login, whose device the push stream watches
        assertThat(families.toString()).contains("FamilyList").contains("Name=Home");
    }

    @Test
    void thePushStreamDeliversTheDevicesReports() throws InterruptedException {
        MockEndpoint pushes = camel.getEndpoint("mock:pushes", MockEndpoint.class);
        pushes.expectedMinimumMessageCount(1);
        assertThat(EXPLORER.longConnection().awaitRegistered(DEVICE, Duration.ofSeconds(10))).isTrue();

        LAMP.report(Map.of("power", 1));

        pushes.assertIsSatisfied(10_000);
        Message push = pushes.getExchanges().get(0).getMessage();
        assertThat(push.getHeader(TencentIotExplorerConstants.DEVICE_NAME)).isEqualTo("lamp");
        assertThat(push.getBody(String.class)).contains("\"power\":1");
    }
}
