package io.github.cameliot.emulator.aliyun;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;

/** Reads the typed parameters of a call as the cloud does, refusing a value of the wrong type. */
final class Params {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Params() {
    }

    static int integer(ApiCall call, String name, int absent) {
        return (int) number(call, name, absent);
    }

    static long number(ApiCall call, String name, long absent) {
        String text = call.text(name);
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiError("InvalidParameter", "The parameter " + name + " is not a number: " + text, 400);
        }
    }

    /** A page asked for: its number (from 1) and size. */
    record Page(int number, int size) {

        /** This page of the items. */
        <T> List<T> of(List<T> all) {
            return all.subList(Math.min(all.size(), (number - 1) * size), Math.min(all.size(), number * size));
        }

        int count(int total) {
            return (total + size - 1) / size;
        }
    }

    /** The page a call asks for, refused with {@code iot.common.InvalidPageParams} out of range. */
    static Page page(ApiCall call, String pageName, int maxPageSize) {
        int page = integer(call, pageName, 1);
        int pageSize = integer(call, "PageSize", 10);
        if (page < 1 || pageSize < 1 || pageSize > maxPageSize) {
            throw new ApiError("iot.common.InvalidPageParams", "The page " + page + " or page size " + pageSize
                    + " is invalid; the page size is 1 to " + maxPageSize + ".");
        }
        return new Page(page, pageSize);
    }

    /** The texts of a list parameter ({@code Name.N}). */
    static List<String> texts(ApiCall call, String name) {
        List<String> texts = new ArrayList<>();
        JsonNode list = call.params().path(name);
        if (list.isArray()) {
            list.forEach(item -> texts.add(item.asText()));
        } else if (list.isTextual()) {
            texts.add(list.asText());
        }
        return texts;
    }

    /** A JSON-object parameter ({@code Items}, {@code Args}), refused with {@code code} when it is not one. */
    static ObjectNode object(ApiCall call, String name, String code) {
        try {
            JsonNode node = MAPPER.readTree(call.text(name));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (Exception e) {
            // refused below
        }
        throw new ApiError(code, "The parameter " + name + " is not a JSON object.");
    }

    /** A Base64 parameter's bytes, refused with {@code code} when it is not Base64. */
    static byte[] base64(ApiCall call, String name, String code) {
        try {
            return Base64.getDecoder().decode(call.text(name));
        } catch (IllegalArgumentException e) {
            throw new ApiError(code, "The parameter " + name + " is not Base64.");
        }
    }
}
