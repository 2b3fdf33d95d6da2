package io.github.cameliot.tencent.trocket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.camel.MessageBodies;
import org.apache.camel.Message;

/**
 * Turns a message into the parameters of a management action: the body's parameters first, then headers and endpoint
 * options for what the body leaves out.
 * <p>
 * The body is a {@code Map}, a Jackson {@code JsonNode}, a JSON object as text or bytes, or a POJO, holding the
 * action's parameters as the API spells them. On top of the API's own forms, it accepts:
 * <ul>
 * <li>{@code Filters} as the API's list, {@code [{"Name": "TopicName", "Values": ["abc"]}]}, or as a map from filter
 * name to value or values, {@code {"TopicName": "abc", "TopicType": ["Normal", "Order"]}}: each entry becomes one
 * filter, a single value a one-element {@code Values}, and every value its text ({@code true} becomes
 * {@code "true"}, as the API types {@code Values} as strings). A filter of the list form with a single {@code Values}
 * is made a list too.</li>
 * <li>{@code TagFilters} (DescribeInstanceList) likewise, as the list {@code [{"TagKey": "k", "TagValues": ["v"]}]}
 * or the map {@code {"k": "v"}}.</li>
 * <li>The array and structure parameters ({@code Filters}, {@code TagFilters}, {@code TagList}, {@code VpcList},
 * {@code IpRules}, {@code Rules}, {@code GroupList}, {@code TopicList}) as JSON text, as a header or a YAML route would
 * give them: {@code "[{\"IpRule\": \"0.0.0.0/0\", \"Allow\": true}]"}.</li>
 * <li>{@code InstanceId}, for the actions that require it, from the {@code CamelTencentTrocketInstanceId} header or,
 * failing that, the {@code instanceId} option, when the body leaves it out.</li>
 * <li>{@code TaskRequestId} of DescribeMQTTMessageList: {@code ""} (a new query task) when left out, as the API
 * requires the parameter on the first call too.</li>
 * <li>List actions: {@code Offset} 0 and the largest {@code Limit} when the request names none; numbers may be
 * given as text.</li>
 * </ul>
 */
final class TencentTrocketRequests {

    static final String INSTANCE_ID = "InstanceId";
    static final String FILTERS = "Filters";
    static final String TAG_FILTERS = "TagFilters";
    static final String TASK_REQUEST_ID = "TaskRequestId";

    /** The parameters the API types as arrays of structures, accepted as JSON text too. */
    private static final List<String> STRUCTURED = List.of(FILTERS, TAG_FILTERS, "TagList", "VpcList", "IpRules", "Rules",
            "GroupList", "TopicList");

    private TencentTrocketRequests() {
    }

    static Map<String, Object> parameters(Message message, ActionSpec spec, TencentTrocketConfiguration configuration) {
        Map<String, Object> parameters = MessageBodies.parameters(message.getBody(), spec.name());
        if (spec.requiredParameters().contains(INSTANCE_ID) && parameters.get(INSTANCE_ID) == null) {
            String instanceId = message.getHeader(TencentTrocketConstants.INSTANCE_ID, configuration.getInstanceId(), String.class);
            if (instanceId != null) {
                parameters.put(INSTANCE_ID, instanceId);
            }
        }
        for (String name : STRUCTURED) {
            parameters.computeIfPresent(name, (key, value) -> parseJsonText(spec, key, value));
        }
        parameters.computeIfPresent(FILTERS, (key, value) -> filters(spec, key, value, "Name", "Values"));
        parameters.computeIfPresent(TAG_FILTERS, (key, value) -> filters(spec, key, value, "TagKey", "TagValues"));
        if (spec.optionalParameters().contains(TASK_REQUEST_ID) && parameters.get(TASK_REQUEST_ID) == null) {
            parameters.put(TASK_REQUEST_ID, "");
        }
        if (spec.isPaged()) {
            spec.paging().firstPage(parameters);
        }
        return parameters;
    }

    /** JSON text ({@code "[...]"} or {@code "{...}"}) as the list or map it holds; any other value as it is. */
    private static Object parseJsonText(ActionSpec spec, String name, Object value) {
        if (value instanceof JsonNode node) {
            return Json.MAPPER.convertValue(node, Object.class);
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
                try {
                    return Json.MAPPER.readValue(trimmed, Object.class);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException(spec.name() + ": " + name + " is not valid JSON: " + e.getMessage(), e);
                }
            }
        }
        return value;
    }

    /**
     * The API's filter list from a map of name to value(s), or from the API's own list form (whose single values
     * become lists).
     */
    static List<Map<String, Object>> filters(ActionSpec spec, String parameter, Object value, String nameField, String valuesField) {
        List<Map<String, Object>> filters = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, values) -> filters.add(filter(String.valueOf(name), values, nameField, valuesField)));
            return filters;
        }
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> filter) || filter.get(nameField) == null) {
                    throw new IllegalArgumentException(spec.name() + ": each of " + parameter + " must be an object with "
                                                       + nameField + " and " + valuesField + ", not " + item);
                }
                Map<String, Object> copy = new LinkedHashMap<>();
                filter.forEach((key, field) -> copy.put(String.valueOf(key), field));
                copy.put(valuesField, texts(filter.get(valuesField)));
                filters.add(copy);
            }
            return filters;
        }
        throw new IllegalArgumentException(spec.name() + ": " + parameter + " must be a list of {\"" + nameField + "\": ..., \""
                                           + valuesField + "\": [...]} or a map of " + nameField + " to values, not "
                                           + value.getClass().getSimpleName());
    }

    private static Map<String, Object> filter(String name, Object values, String nameField, String valuesField) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put(nameField, name);
        filter.put(valuesField, texts(values));
        return filter;
    }

    private static List<String> texts(Object values) {
        List<String> texts = new ArrayList<>();
        if (values instanceof Collection<?> list) {
            list.forEach(value -> texts.add(String.valueOf(value)));
        } else if (values instanceof Object[] array) {
            for (Object value : array) {
                texts.add(String.valueOf(value));
            }
        } else if (values != null) {
            texts.add(String.valueOf(values));
        }
        return texts;
    }
}
