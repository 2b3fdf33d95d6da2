package io.github.cameliot.cloudapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The suite's one Jackson mapper, and the conversion of whatever a route puts in a message body into API parameters.
 * <p>
 * Integers are read as {@code Integer}, {@code Long} or {@link java.math.BigInteger} (the clouds send unsigned 64-bit
 * values), decimals as {@link java.math.BigDecimal}, so that ids and exact values survive; field names are kept exactly
 * as the cloud spells them.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static Map<String, Object> readMap(byte[] json) throws IOException {
        return MAPPER.readValue(json, MAP);
    }

    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as a tree; anything else is refused. */
    public static ObjectNode readObject(String json) {
        try {
            if (MAPPER.readTree(json) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("Not a JSON object: " + json);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * API parameters from a message body: a {@code Map}, a Jackson {@link JsonNode}, a JSON object as a
     * {@code String} or {@code byte[]}, or a POJO whose properties are the parameters. {@code null} gives no
     * parameters. The result is a new mutable map the caller may add to.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toParameters(Object body) {
        if (body == null) {
            return new LinkedHashMap<>();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() + 8);
            map.forEach((key, value) -> copy.put(String.valueOf(key), value));
            return copy;
        }
        if (body instanceof String text) {
            return text.isBlank() ? new LinkedHashMap<>() : readMap(text);
        }
        if (body instanceof byte[] bytes) {
            try {
                return bytes.length == 0 ? new LinkedHashMap<>() : readMap(bytes);
            } catch (IOException e) {
                throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
            }
        }
        if (body instanceof List<?> || body instanceof Number || body instanceof Boolean) {
            throw new IllegalArgumentException("Expected the parameters as a JSON object, a Map or a POJO, not a "
                                               + body.getClass().getSimpleName());
        }
        return MAPPER.convertValue(body, MAP);
    }

    /**
     * A whole number from a parsed answer, which the clouds send as a number or as text ({@code 1540115950228} or
     * {@code "1540115950228"}); {@code null} when the value is absent or not a whole number.
     */
    public static Long toLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Long.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
