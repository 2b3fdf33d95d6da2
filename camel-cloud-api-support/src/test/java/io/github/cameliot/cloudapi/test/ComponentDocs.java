package io.github.cameliot.cloudapi.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.ActionSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the generated sections of a component's doc true: tables rendered from the component JSON that the build
 * generates and from the action catalog. Each section sits between {@code <!-- generated:NAME -->} and
 * {@code <!-- end:generated:NAME -->}; with {@code -Dcameliot.docs.update=true} {@link #check} rewrites the sections
 * instead of comparing them.
 */
public final class ComponentDocs {

    private ComponentDocs() {
    }

    /** Compares the doc's sections with their expected content, or rewrites them when asked to. */
    public static void check(Path doc, Map<String, String> sections, String updateCommand) throws IOException {
        String text = Files.readString(doc);
        if (Boolean.getBoolean("cameliot.docs.update")) {
            String updated = text;
            for (Map.Entry<String, String> section : sections.entrySet()) {
                updated = replaceSection(updated, section.getKey(), section.getValue());
            }
            if (!updated.equals(text)) {
                Files.writeString(doc, updated);
            }
            return;
        }
        for (Map.Entry<String, String> section : sections.entrySet()) {
            assertThat(section(text, section.getKey()))
                    .as("The section %s of %s is out of date. Regenerate the doc's sections with:%n  %s",
                            section.getKey(), doc.getFileName(), updateCommand)
                    .isEqualTo(section.getValue());
        }
    }

    /**
     * The component's and the endpoint's option tables.
     *
     * @param example a component option, as in {@code region}
     * @param path    how the endpoint's path reads, as in {@code the path `action`}
     */
    public static String options(JsonNode json, String example, String path) {
        String scheme = json.get("component").get("scheme").asText();
        return "**Component options**, set on the `" + scheme + "` component (for example as\n"
               + "`camel.component." + scheme + "." + example + "`) and inherited by every endpoint:\n\n"
               + optionTable(json.get("componentProperties"))
               + "\n**Endpoint options**: " + path + ", then query options that override the component's:\n\n"
               + optionTable(json.get("properties"));
    }

    public static String optionTable(JsonNode properties) {
        StringBuilder table = header("Name", "Group", "Description", "Default", "Type");
        properties.properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            String name = code(entry.getKey()) + (option.path("required").asBoolean() ? " **(required)**" : "");
            String defaultValue = option.has("defaultValue") ? code(option.get("defaultValue").asText()) : "";
            row(table, name, option.path("group").asText(), option.path("description").asText(), defaultValue, type(option));
        });
        return table.toString();
    }

    public static String type(JsonNode option) {
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

    public static String headers(JsonNode headers) {
        StringBuilder table = header("Header", "Java constant", "Type", "Description");
        headers.properties().forEach(entry -> {
            JsonNode header = entry.getValue();
            String constant = simpleName(header.path("constantName").asText()).replace('#', '.');
            row(table, code(entry.getKey()), code(constant), header.path("javaType").asText(),
                    header.path("description").asText());
        });
        return table.toString();
    }

    public static String operations(Iterable<ActionSpec> actions) {
        List<ActionSpec> sorted = new ArrayList<>();
        actions.forEach(sorted::add);
        sorted.sort(Comparator.comparing(ActionSpec::name));
        StringBuilder table = header("Action", "Required parameters", "Optional parameters", "Quota (calls/s)", "Idempotent",
                "Paged: items (largest page)");
        for (ActionSpec action : sorted) {
            String paged = action.isPaged()
                    ? code(action.paging().itemsPath()) + " (" + action.paging().maxPageSize() + ")" : "";
            row(table, code(action.name()), codes(action.requiredParameters()), codes(action.optionalParameters()),
                    action.quotaPerSecond() > 0 ? String.valueOf(action.quotaPerSecond()) : "-",
                    action.idempotent() ? "yes" : "no", paged);
        }
        return table.toString();
    }

    public static StringBuilder header(String... columns) {
        StringBuilder table = new StringBuilder();
        row(table, columns);
        String[] rule = new String[columns.length];
        Arrays.fill(rule, "---");
        row(table, rule);
        return table;
    }

    public static void row(StringBuilder table, String... cells) {
        table.append('|');
        for (String cell : cells) {
            table.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        table.append('\n');
    }

    public static String codes(List<String> names) {
        return names.stream().map(ComponentDocs::code).collect(Collectors.joining(", "));
    }

    public static String code(String text) {
        return "`" + text + "`";
    }

    /** The class's simple name, without type arguments: {@code StateRepository} for a {@code StateRepository<String, String>}. */
    public static String simpleName(String className) {
        int generic = className.indexOf('<');
        String raw = generic < 0 ? className : className.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    // ---- the doc's sections

    /** The text between the section's markers, without the blank lines that frame it. */
    public static String section(String doc, String name) {
        int[] bounds = bounds(doc, name);
        return doc.substring(bounds[0], bounds[1]).strip() + "\n";
    }

    public static String replaceSection(String doc, String name, String content) {
        int[] bounds = bounds(doc, name);
        return doc.substring(0, bounds[0]) + "\n\n" + content + "\n" + doc.substring(bounds[1]);
    }

    public static int[] bounds(String doc, String name) {
        String start = "<!-- generated:" + name + " -->";
        String end = "<!-- end:generated:" + name + " -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            fail("The doc has no section %s ... %s", start, end);
        }
        return new int[] { from + start.length(), to };
    }

    public static String resource(String name) throws IOException {
        try (InputStream in = ComponentDocs.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("classpath resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
