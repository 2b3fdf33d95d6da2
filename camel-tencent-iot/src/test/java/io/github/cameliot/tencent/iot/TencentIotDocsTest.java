package io.github.cameliot.tencent.iot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.ActionSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the generated sections of {@code docs/tencent-iot.md} true: the option and header tables come from the
 * component JSON that the build generates, the operations table from {@link TencentIotActions#CATALOG}, and the YAML
 * example from the route that {@link TencentIotYamlDslTest} runs. Each section sits between
 * {@code <!-- generated:NAME -->} and {@code <!-- end:generated:NAME -->}; with {@code -Dcameliot.docs.update=true}
 * the test rewrites the sections instead of comparing them.
 */
class TencentIotDocsTest {

    static final Path DOC = Path.of("../docs/tencent-iot.md");
    static final String COMPONENT_JSON = "META-INF/io/github/cameliot/tencent/iot/tencent-iot.json";
    static final String PUBLISH_ROUTE = "routes/publish.yaml";
    static final String UPDATE_COMMAND
            = "mvn test -pl camel-tencent-iot -Dtest=TencentIotDocsTest -Dcameliot.docs.update=true";

    @Test
    void generatedSectionsMatchTheMetadata() throws IOException {
        JsonNode json = new ObjectMapper().readTree(resource(COMPONENT_JSON));
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", options(json));
        sections.put("headers", headers(json.get("headers")));
        sections.put("operations", operations(TencentIotActions.CATALOG.actions()));
        sections.put("publish-route", "```yaml\n" + resource(PUBLISH_ROUTE) + "```\n");

        String doc = Files.readString(DOC);
        if (Boolean.getBoolean("cameliot.docs.update")) {
            String updated = doc;
            for (Map.Entry<String, String> section : sections.entrySet()) {
                updated = replaceSection(updated, section.getKey(), section.getValue());
            }
            if (!updated.equals(doc)) {
                Files.writeString(DOC, updated);
            }
            return;
        }
        for (Map.Entry<String, String> section : sections.entrySet()) {
            assertThat(section(doc, section.getKey()))
                    .as("The section %s of docs/tencent-iot.md is out of date. Regenerate the doc's sections with:%n  %s",
                            section.getKey(), UPDATE_COMMAND)
                    .isEqualTo(section.getValue());
        }
    }

    // ---- rendering

    static String options(JsonNode json) {
        return "**Component options**, set on the `tencent-iot` component (for example as\n"
               + "`camel.component.tencent-iot.region`) and inherited by every endpoint:\n\n"
               + optionTable(json.get("componentProperties"))
               + "\n**Endpoint options**: the path `action`, then query options that override the component's:\n\n"
               + optionTable(json.get("properties"));
    }

    static String optionTable(JsonNode properties) {
        StringBuilder table = header("Name", "Group", "Description", "Default", "Type");
        properties.properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            String name = code(entry.getKey()) + (option.path("required").asBoolean() ? " **(required)**" : "");
            String defaultValue = option.has("defaultValue") ? code(option.get("defaultValue").asText()) : "";
            row(table, name, option.path("group").asText(), option.path("description").asText(), defaultValue, type(option));
        });
        return table.toString();
    }

    static String type(JsonNode option) {
        String type = option.path("type").asText();
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(value -> values.add(code(value.asText())));
            return type + ": " + String.join(", ", values);
        }
        if (type.equals("object")) {
            return "object: " + code(simpleName(option.path("javaType").asText()));
        }
        return type;
    }

    static String headers(JsonNode headers) {
        StringBuilder table = header("Header", "Java constant", "Type", "Description");
        headers.properties().forEach(entry -> {
            JsonNode header = entry.getValue();
            String constant = simpleName(header.path("constantName").asText()).replace('#', '.');
            row(table, code(entry.getKey()), code(constant), header.path("javaType").asText(),
                    header.path("description").asText());
        });
        return table.toString();
    }

    static String operations(Iterable<ActionSpec> actions) {
        List<ActionSpec> sorted = new ArrayList<>();
        actions.forEach(sorted::add);
        sorted.sort(Comparator.comparing(ActionSpec::name));
        StringBuilder table = header("Action", "Required parameters", "Optional parameters", "Quota (calls/s)", "Idempotent",
                "Paged: items field (largest Limit)");
        for (ActionSpec action : sorted) {
            String paged = action.isPaged()
                    ? code(action.paging().itemsPath()) + " (" + action.paging().maxPageSize() + ")" : "";
            row(table, code(action.name()), codes(action.requiredParameters()), codes(action.optionalParameters()),
                    String.valueOf(action.quotaPerSecond()), action.idempotent() ? "yes" : "no", paged);
        }
        return table.toString();
    }

    static StringBuilder header(String... columns) {
        StringBuilder table = new StringBuilder();
        row(table, columns);
        String[] rule = new String[columns.length];
        Arrays.fill(rule, "---");
        row(table, rule);
        return table;
    }

    static void row(StringBuilder table, String... cells) {
        table.append('|');
        for (String cell : cells) {
            table.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        table.append('\n');
    }

    static String codes(List<String> names) {
        return names.stream().map(TencentIotDocsTest::code).collect(Collectors.joining(", "));
    }

    static String code(String text) {
        return "`" + text + "`";
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    // ---- the doc's sections

    /** The text between the section's markers, without the blank lines that frame it. */
    static String section(String doc, String name) {
        int[] bounds = bounds(doc, name);
        return doc.substring(bounds[0], bounds[1]).strip() + "\n";
    }

    static String replaceSection(String doc, String name, String content) {
        int[] bounds = bounds(doc, name);
        return doc.substring(0, bounds[0]) + "\n\n" + content + "\n" + doc.substring(bounds[1]);
    }

    static int[] bounds(String doc, String name) {
        String start = "<!-- generated:" + name + " -->";
        String end = "<!-- end:generated:" + name + " -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            fail("docs/tencent-iot.md has no section %s ... %s", start, end);
        }
        return new int[] { from + start.length(), to };
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TencentIotDocsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("classpath resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
