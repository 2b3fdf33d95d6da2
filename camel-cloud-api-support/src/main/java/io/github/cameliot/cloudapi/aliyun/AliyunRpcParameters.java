package io.github.cameliot.cloudapi.aliyun;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.Json;

/**
 * Alibaba Cloud RPC parameters as the wire has them, all strings: a list (or an array of objects) becomes
 * {@code Name.1}, {@code Name.2}, ... (indexes from 1), a list of objects {@code Name.1.Field}; an object that is not a
 * list item is sent as one JSON string (the API's JSON-typed parameters such as {@code Items} or
 * {@code Configuration}), and so is an object in a list item's field; decimals are written plain, never in exponent
 * notation.
 */
public final class AliyunRpcParameters {

    private AliyunRpcParameters() {
    }

    /** Puts the parameter's wire form into {@code wire}; a {@code null} value is left out. */
    public static void flatten(String name, Object value, Map<String, String> wire) {
        if (value == null) {
            return;
        }
        if (value instanceof JsonNode node) {
            flattenNode(name, node, wire);
        } else if (value instanceof List<?> list) {
            int index = 1;
            for (Object item : list) {
                flattenItem(name + '.' + index++, item, wire);
            }
        } else if (value instanceof Object[] array) {
            flatten(name, Arrays.asList(array), wire);
        } else if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            wire.put(name, Json.writeString(value));
        } else if (value instanceof BigDecimal decimal) {
            wire.put(name, decimal.toPlainString());
        } else {
            wire.put(name, value.toString());
        }
    }

    private static void flattenItem(String name, Object item, Map<String, String> wire) {
        if (item instanceof Map<?, ?> fields) {
            fields.forEach((field, value) -> flatten(name + '.' + field, value, wire));
        } else if (item instanceof JsonNode node && node.isObject()) {
            node.properties().forEach(field -> flatten(name + '.' + field.getKey(), field.getValue(), wire));
        } else {
            flatten(name, item, wire);
        }
    }

    private static void flattenNode(String name, JsonNode node, Map<String, String> wire) {
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            int index = 1;
            for (Iterator<JsonNode> items = node.elements(); items.hasNext(); ) {
                flattenItem(name + '.' + index++, items.next(), wire);
            }
        } else if (node.isObject()) {
            wire.put(name, Json.writeString(node));
        } else if (node.isBigDecimal() || node.isFloatingPointNumber()) {
            wire.put(name, node.decimalValue().toPlainString());
        } else {
            wire.put(name, node.asText());
        }
    }
}
