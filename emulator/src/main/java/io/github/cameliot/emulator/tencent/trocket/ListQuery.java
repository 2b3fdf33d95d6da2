package io.github.cameliot.emulator.tencent.trocket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;

/**
 * The {@code Offset}, {@code Limit} and {@code Filters} ({@code [{"Name": ..., "Values": [...]}]}) of a trocket list
 * action, and the page it answers: {@code TotalCount} (the matches before paging) and the items.
 */
final class ListQuery {

    /** The documented default page size. */
    static final int DEFAULT_LIMIT = 10;

    private final int offset;
    private final int limit;
    private final Map<String, List<String>> filters = new HashMap<>();

    private ListQuery(int offset, int limit) {
        this.offset = offset;
        this.limit = limit;
    }

    static ListQuery of(ApiCall call) {
        int offset = number(call, "Offset", 0);
        int limit = number(call, "Limit", DEFAULT_LIMIT);
        ListQuery query = new ListQuery(offset, limit);
        for (JsonNode filter : call.params().path("Filters")) {
            List<String> values = new ArrayList<>();
            filter.path("Values").forEach(value -> values.add(value.asText()));
            query.filters.computeIfAbsent(filter.path("Name").asText(), name -> new ArrayList<>()).addAll(values);
        }
        return query;
    }

    /** Whether the value contains one of the filter's values (the doc's fuzzy match); true without that filter. */
    boolean fuzzy(String filter, String value) {
        List<String> wanted = filters.get(filter);
        return wanted == null || wanted.stream().anyMatch(part -> value != null
                && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)));
    }

    /** Whether the value is one of the filter's values, regardless of case; true without that filter. */
    boolean exact(String filter, String value) {
        List<String> wanted = filters.get(filter);
        return wanted == null || wanted.stream().anyMatch(one -> one.equalsIgnoreCase(value));
    }

    /** {@code TotalCount} and the page of the matching items under {@code itemsField}. */
    ObjectNode page(List<? extends JsonNode> matching, String itemsField) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("TotalCount", matching.size());
        answer.putArray(itemsField).addAll(
                matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size())));
        return answer;
    }

    private static int number(ApiCall call, String name, int absent) {
        JsonNode value = call.params().get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || value.asInt() < 0) {
            throw new ApiError("InvalidParameterValue", "The parameter " + name + " must be a number of 0 or more.");
        }
        return value.asInt();
    }
}
