package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.tencent.explorer.ExplorerEmulator;
import io.github.cameliot.emulator.tencent.explorer.SimulatedDevice;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the YAML route that docs/tencent-iot-explorer.md shows ({@code routes/explorer-control.yaml};
 * {@link TencentIotExplorerDocsTest} keeps the doc's copy equal to it) against the embedded IoT Explorer: the route
 * logs the user in and the light bound to them takes the control.
 */
class TencentIotExplorerYamlDslTest {

    static final String ROUTE = "routes/explorer-control.yaml";

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void logsInAndControlsTheDevice() throws Exception {
        ExplorerEmulator explorer = CLOUD.emulator().explorer();
        SimulatedDevice light = explorer.bindDevice("0123456789", explorer.device("22F9Y6II7O", "light1").online());
        Properties properties = new Properties();
        properties.setProperty("explorer.endpoint", explorer.url().toString());
        properties.setProperty("explorer.appKey", explorer.appKey());
        properties.setProperty("explorer.appSecret", explorer.appSecret());
        properties.setProperty("explorer.wxOpenId", "0123456789");
        properties.setProperty("explorer.nickName", "tests");
        properties.setProperty("explorer.avatar", "http://example.com/a.jpg");
        properties.setProperty("iot.productId", "22F9Y6II7O");
        properties.setProperty("iot.deviceName", "light1");
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "classpath:" + ROUTE));
        context.start();

        Exchange reply = context.createProducerTemplate()
                .request("direct:control-light", exchange -> exchange.getMessage().setBody(Map.of("light_switch", 1)));

        assertThat(reply.getException()).isNull();
        assertThat(light.properties().path("light_switch").asInt()).isEqualTo(1);
        assertThat(explorer.sessions().userByOpenId("0123456789").nickName()).isEqualTo("tests");
        assertThat(reply.getMessage().getHeader(TencentIotExplorerConstants.REQUEST_ID)).isNotNull();
        assertThat(context.getEndpoints()).allSatisfy(endpoint -> assertThat(endpoint.toString())
                .doesNotContain(explorer.appSecret()));
    }
}
