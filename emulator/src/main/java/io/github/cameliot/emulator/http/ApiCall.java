package io.github.cameliot.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An authenticated call of an action.
 *
 * @param action    the action's name, such as {@code DescribeDevice}
 * @param params    the action's parameters, as the cloud reads them (Tencent: the JSON body; Alibaba: the form fields)
 * @param principal who signed the call: the key id, or the user an access token belongs to
 * @param requestId the id the answer carries
 */
public record ApiCall(String action, ObjectNode params, String principal, String requestId) {

    /** The text of a parameter, or null when it is absent or null. */
    public String text(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * The text of a parameter the action requires: refused with {@code codeWhenMissing} when absent or empty. A
     * structure counts when present, a list (an array, as Alibaba's {@code Name.N} parameters are read) when it has an
     * item; their JSON text is answered.
     */
    public String required(String name, String codeWhenMissing) {
        JsonNode node = params.get(name);
        if (node != null && (node.isObject() || node.isArray() && !node.isEmpty())) {
            return node.toString(); // a structure, even an empty one, or a list with items, such as DeviceNames
        }
        String value = text(name);
        if (value == null || value.isEmpty()) {
            throw new ApiError(codeWhenMissing, "The parameter " + name + " of " + action + " is missing.");
        }
        return value;
    }
}
