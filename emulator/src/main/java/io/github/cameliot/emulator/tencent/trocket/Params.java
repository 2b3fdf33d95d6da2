package io.github.cameliot.emulator.tencent.trocket;

import java.util.Collection;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;

/** Reads typed trocket parameters, refusing values of the wrong type with {@code InvalidParameterValue}. */
final class Params {

    static final String INVALID_VALUE = "InvalidParameterValue";

    private Params() {
    }

    /** The integer, {@code absent} when the call leaves it out. */
    static Integer integer(ApiCall call, String name, Integer absent) {
        JsonNode value = call.params().get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(call, name, "an integer");
        }
        return value.asInt();
    }

    /** The Boolean, {@code absent} when the call leaves it out. */
    static Boolean bool(ApiCall call, String name, Boolean absent) {
        JsonNode value = call.params().get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw invalid(call, name, "true or false");
        }
        return value.asBoolean();
    }

    /** The text, {@code absent} when the call leaves it out. */
    static String text(ApiCall call, String name, String absent) {
        String value = call.text(name);
        return value == null ? absent : value;
    }

    /** The text, upper-cased, when it is one of {@code allowed}; {@code absent} when left out. */
    static String oneOf(ApiCall call, String name, Collection<String> allowed, String absent) {
        String value = call.text(name);
        if (value == null) {
            return absent;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw invalid(call, name, "one of " + allowed);
        }
        return upper;
    }

    static ApiError invalid(ApiCall call, String name, String expected) {
        return new ApiError(INVALID_VALUE, "The parameter " + name + " of " + call.action() + " must be " + expected
                + ".");
    }
}
