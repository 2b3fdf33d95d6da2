package io.github.cameliot.aliyun.iot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.ComponentDocs;
import org.junit.jupiter.api.Test;

/**
 * Keeps the generated sections of {@code docs/aliyun-iot.md} true (see {@link ComponentDocs}): the option and header
 * tables come from the component JSON that the build generates, the operations table from
 * {@link AliyunIotActions#CATALOG}, and the YAML example from the route that {@link AliyunIotYamlDslTest} runs.
 */
class AliyunIotDocsTest {

    static final Path DOC = Path.of("../docs/aliyun-iot.md");
    static final String COMPONENT_JSON = "META-INF/io/github/cameliot/aliyun/iot/aliyun-iot.json";
    static final String UPDATE_COMMAND
            = "mvn test -pl camel-aliyun-iot -Dtest=AliyunIotDocsTest -Dcameliot.docs.update=true";

    @Test
    void generatedSectionsMatchTheMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ComponentDocs.resource(COMPONENT_JSON));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", ComponentDocs.options(json, "region-id", "the path `action:consumerGroupId`"));
        sections.put("headers", ComponentDocs.headers(json.get("headers")));
        sections.put("operations", ComponentDocs.operations(AliyunIotActions.CATALOG.actions()));
        sections.put("publish-route", "```yaml\n" + ComponentDocs.resource(AliyunIotYamlDslTest.PUB_ROUTE) + "```\n");

        ComponentDocs.check(DOC, sections, UPDATE_COMMAND);
    }
}
