package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the YAML route that docs/tencent-iot-explorer.md shows ({@code routes/explorer-control.yaml};
 * {@link TencentIotExplorerDocsTest} keeps the doc's copy equal to it) against the fake API.
 */
class TencentIotExplorerYamlDslTest {

    static final String ROUTE = "routes/explorer-control.yaml";

    ExplorerServer server;
    final CamelContext context = new DefaultCamelContext();

    @BeforeEach
    void start() throws Exception {
        server = new ExplorerServer();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        server.close();
    }

    @Test
    void logsInAndControlsTheDevice() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("explorer.endpoint", server.baseUrl());
        properties.setProperty("explorer.appKey", ExplorerServer.APP_KEY);
        properties.setProperty("explorer.appSecret", ExplorerServer.APP_SECRET);
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
        assertThat(server.problems).isEmpty();
        assertThat(server.logins).hasValue(1);
        List<Map<String, Object>> controls = server.bodies.stream()
                .filter(body -> "AppControlDeviceData".equals(body.get("Action"))).toList();
        assertThat(controls).singleElement().satisfies(body -> assertThat(body).containsEntry("ProductId", "22F9Y6II7O")
                .containsEntry("DeviceName", "light1").containsEntry("Data", "{\"light_switch\":1}")
                .containsEntry("AccessToken", "token-1"));
        assertThat(reply.getMessage().getHeader(TencentIotExplorerConstants.REQUEST_ID)).isNotNull();
        assertThat(context.getEndpoints()).allSatisfy(endpoint -> assertThat(endpoint.toString())
                .doesNotContain(ExplorerServer.APP_SECRET));
    }
}
