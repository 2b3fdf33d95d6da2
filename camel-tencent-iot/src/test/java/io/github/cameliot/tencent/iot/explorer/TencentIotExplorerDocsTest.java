package io.github.cameliot.tencent.iot.explorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.ComponentDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated sections of {@code docs/tencent-iot-explorer.md} true (see {@link ComponentDocs}): the option
 * and header tables come from the component JSON that the build generates, the operations table from
 * {@link TencentIotExplorerActions#CATALOG}, and the YAML example from the route that
 * {@link TencentIotExplorerYamlDslTest} runs.
 */
class TencentIotExplorerDocsTest {

    static final Path DOC = Path.of("../docs/tencent-iot-explorer.md");
    static final String COMPONENT_JSON = "META-INF/io/github/cameliot/tencent/iot/explorer/tencent-iot-explorer.json";
    static final String UPDATE_COMMAND
            = "mvn test -pl camel-tencent-iot -Dtest=TencentIotExplorerDocsTest -Dcameliot.docs.update=true";

    @Test
    void generatedSectionsMatchTheMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ComponentDocs.resource(COMPONENT_JSON));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", ComponentDocs.options(json, "appKey", "the path `action`"));
        sections.put("headers", ComponentDocs.headers(json.get("headers")));
        sections.put("operations", ComponentDocs.operations(TencentIotExplorerActions.CATALOG.actions()));
        sections.put("control-route", "```yaml\n" + ComponentDocs.resource(TencentIotExplorerYamlDslTest.ROUTE) + "```\n");

        ComponentDocs.check(DOC, sections, UPDATE_COMMAND);
    }
}
