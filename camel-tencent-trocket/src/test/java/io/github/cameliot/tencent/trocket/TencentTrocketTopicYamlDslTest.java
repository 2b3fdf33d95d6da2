package io.github.cameliot.tencent.trocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The FIFO routes of the docs in the YAML DSL ({@code routes/trocket-fifo.yaml}), against the test broker. */
class TencentTrocketTopicYamlDslTest extends RocketMqTestSupport {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() {
        context.stop();
    }

    @Test
    void commandsOfOneDeviceAreExecutedInOrder() throws Exception {
        String topic = unique("yaml-fifo");
        String group = unique("g-yaml");
        server().createTopic(topic, "FIFO", 2);
        server().createGroup(group, 16, true);
        Properties properties = new Properties();
        properties.setProperty("trocket.topic", topic);
        properties.setProperty("trocket.group", group);
        properties.setProperty("trocket.accessPoint", server().endpoint());
        context.getPropertiesComponent().setInitialProperties(properties);
        Map<String, List<String>> executed = new ConcurrentHashMap<>();
        context.getRegistry().bind("commandExecutor", (Processor) e -> executed.computeIfAbsent(
                e.getMessage().getHeader(TencentTrocketConstants.MESSAGE_GROUP, String.class),
                k -> Collections.synchronizedList(new ArrayList<>())).add(e.getMessage().getBody(String.class)));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "classpath:routes/trocket-fifo.yaml"));
        context.start();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String device : List.of("dev1", "dev2")) {
                context.createProducerTemplate().sendBodyAndHeader("direct:commands", "cmd" + i, "deviceName", device);
            }
            expected.add("cmd" + i);
        }
        await("the commands executed", Duration.ofSeconds(60),
                () -> executed.size() == 2 && executed.values().stream().allMatch(l -> l.size() >= 20), () -> executed);
        assertThat(executed.get("dev1")).containsExactlyElementsOf(expected);
        assertThat(executed.get("dev2")).containsExactlyElementsOf(expected);
    }
}
