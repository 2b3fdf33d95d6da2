package io.github.cameliot.emulator.aliyun;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiError;

/**
 * The parameters of an Alibaba Cloud RPC request: decoded from a query string or form body, and the flattened lists
 * ({@code Name.N}, {@code Name.N.Field}) folded back into arrays, items in index order, so that a required list and a
 * handler see {@code Name} as a list of texts or of objects.
 */
final class RpcParameters {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LIST_ITEM = Pattern.compile("([^.]+)\\.(\\d+)(?:\\.(.+))?");

    private RpcParameters() {
    }

    /** Adds the {@code name=value} pairs of an encoded query or form body; a name sent twice is refused. */
    static void decode(String encoded, Map<String, String> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (into.put(name, value) != null) {
                throw new ApiError("InvalidParameter", "The parameter " + name + " is given more than once.", 400);
            }
        }
    }

    /** The action's parameters as JSON: scalars as text, {@code Name.N[.Field]} folded into the array {@code Name}. */
    static ObjectNode fold(Map<String, String> parameters) {
        ObjectNode params = MAPPER.createObjectNode();
        Map<String, TreeMap<Integer, JsonNode>> lists = new TreeMap<>();
        parameters.forEach((name, value) -> {
            Matcher item = LIST_ITEM.matcher(name);
            if (!item.matches()) {
                params.put(name, value);
                return;
            }
            TreeMap<Integer, JsonNode> items = lists.computeIfAbsent(item.group(1), list -> new TreeMap<>());
            int index = Integer.parseInt(item.group(2));
            if (item.group(3) == null) {
                items.put(index, params.textNode(value));
            } else {
                JsonNode fields = items.computeIfAbsent(index, i -> MAPPER.createObjectNode());
                if (fields instanceof ObjectNode object) {
                    object.put(item.group(3), value);
                }
            }
        });
        lists.forEach((name, items) -> {
            ArrayNode array = params.putArray(name);
            items.values().forEach(array::add);
        });
        return params;
    }
}
