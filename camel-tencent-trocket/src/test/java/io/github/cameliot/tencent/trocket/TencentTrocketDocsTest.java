package io.github.cameliot.tencent.trocket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.ComponentDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated sections of {@code docs/tencent-trocket.md} true (see {@link ComponentDocs}): the option and
 * header tables come from the component JSON that the build generates, the operations table from
 * {@link TencentTrocketActions#CATALOG}, and the YAML example from the route that {@link TencentTrocketYamlDslTest}
 * runs.
 */
class TencentTrocketDocsTest {

    static final Path DOC = Path.of("../docs/tencent-trocket.md");
    static final String COMPONENT_JSON = "META-INF/io/github/cameliot/tencent/trocket/tencent-trocket.json";
    static final String CREATE_TOPIC_ROUTE = "routes/trocket-create-topic.yaml";
    static final String MQTT_ROUTE = "routes/trocket-mqtt.yaml";
    static final String UPDATE_COMMAND
            = "mvn test -pl camel-cloud-api-support,camel-tencent-trocket -Dtest=TencentTrocketDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dcameliot.docs.update=true";

    @Test
    void generatedSectionsMatchTheMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ComponentDocs.resource(COMPONENT_JSON));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", ComponentDocs.options(json, "region", "the path `action:name`"));
        sections.put("headers", ComponentDocs.headers(json.get("headers")));
        sections.put("operations", ComponentDocs.operations(TencentTrocketActions.CATALOG.actions()));
        sections.put("create-topic-route", "```yaml\n" + ComponentDocs.resource(CREATE_TOPIC_ROUTE) + "```\n");
        sections.put("mqtt-route", "```yaml\n" + ComponentDocs.resource(MQTT_ROUTE) + "```\n");

        ComponentDocs.check(DOC, sections, UPDATE_COMMAND);
    }
}
