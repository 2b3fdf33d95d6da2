package io.github.cameliot.cloudapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dotted paths into parsed JSON answers, such as {@code Data.List.ProductInfo}: the clouds nest list items in
 * wrapper objects that differ by action.
 */
public final class FieldPath {

    private FieldPath() {
    }

    /** The value at the path, or {@code null} when a step is missing or not an object. */
    public static Object get(Map<String, Object> fields, String path) {
        Object value = fields;
        int start = 0;
        while (value instanceof Map<?, ?> map) {
            int dot = path.indexOf('.', start);
            String name = dot < 0 ? path.substring(start) : path.substring(start, dot);
            value = map.get(name);
            if (dot < 0) {
                return value;
            }
            start = dot + 1;
        }
        return null;
    }

    /** A copy of the fields with the value at the path replaced; the objects on the path are copied, the rest shared. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copyWith(Map<String, Object> fields, String path, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        int dot = path.indexOf('.');
        if (dot < 0) {
            copy.put(path, value);
            return copy;
        }
        String name = path.substring(0, dot);
        Map<String, Object> inner = copy.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        copy.put(name, copyWith(inner, path.substring(dot + 1), value));
        return copy;
    }
}
