package io.github.cameliot.tencent.iot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.ComponentDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated sections of {@code docs/tencent-iot.md} true (see {@link ComponentDocs}): the option and header
 * tables come from the component JSON that the build generates, the operations table from
 * {@link TencentIotActions#CATALOG}, and the YAML example from the route that {@link TencentIotYamlDslTest} runs.
 */
class TencentIotDocsTest {

    static final Path DOC = Path.of("../docs/tencent-iot.md");
    static final String COMPONENT_JSON = "META-INF/io/github/cameliot/tencent/iot/tencent-iot.json";
    static final String PUBLISH_ROUTE = "routes/publish.yaml";
    static final String UPDATE_COMMAND
            = "mvn test -pl camel-tencent-iot -Dtest=TencentIotDocsTest -Dcameliot.docs.update=true";

    @Test
    void generatedSectionsMatchTheMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ComponentDocs.resource(COMPONENT_JSON));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", ComponentDocs.options(json, "region", "the path `action`"));
        sections.put("headers", ComponentDocs.headers(json.get("headers")));
        sections.put("operations", ComponentDocs.operations(TencentIotActions.CATALOG.actions()));
        sections.put("publish-route", "```yaml\n" + ComponentDocs.resource(PUBLISH_ROUTE) + "```\n");

        ComponentDocs.check(DOC, sections, UPDATE_COMMAND);
    }
}
