package io.github.cameliot.emulator.tencent.explorer;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;

/** Reading an application API call's parameters and writing its answers, as the API types them. */
final class Params {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The largest page of the Offset/Limit lists. */
    static final int MAX_LIMIT = 50;

    private Params() {
    }

    /** A required parameter (the pipeline has checked its presence). */
    static String text(ApiCall call, String name) {
        return call.required(name, ExplorerWireProtocol.MISSING_PARAMETER);
    }

    /** A parameter the API types as a string holding a JSON object ({@code Data}, {@code InputParams}). */
    static ObjectNode jsonObject(ApiCall call, String name) {
        JsonNode value = call.params().get(name);
        if (value instanceof ObjectNode object) {
            return object;
        }
        try {
            return Json.readObject(value == null ? "" : value.asText());
        } catch (IllegalArgumentException e) {
            throw new ApiError("InvalidParameterValue", name + " is not a JSON object.");
        }
    }

    static String deviceId(ApiCall call) {
        return text(call, "ProductId") + "/" + text(call, "DeviceName");
    }

    /**
     * One page of a list, with {@code Total}: {@code Offset} from 0, {@code Limit} up to 50 (a larger one, as in the
     * documentation's own member list example, gives 50).
     */
    static <T> ObjectNode page(ApiCall call, List<T> all, String items, Function<T, JsonNode> render) {
        int offset = call.params().path("Offset").asInt(0);
        int limit = Math.min(call.params().path("Limit").asInt(MAX_LIMIT), MAX_LIMIT);
        if (offset < 0 || limit < 0) {
            throw new ApiError("InvalidParameterValue", "Offset and Limit must not be negative.");
        }
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode list = answer.putArray(items);
        all.stream().skip(offset).limit(limit).map(render).forEach(list::add);
        answer.put("Total", all.size());
        return answer;
    }

    static ObjectNode data(JsonNode data) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.set("Data", data);
        return answer;
    }

    static ObjectNode empty() {
        return MAPPER.createObjectNode();
    }
}
