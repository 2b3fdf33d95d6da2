package io.github.cameliot.emulator.tencent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiResponse;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The answer shape of Tencent's APIs (Cloud API 3.0 and the IoT Explorer application API alike):
 * {@code {"Response": {..., "RequestId"}}}, an error as {@code Response.Error} with its {@code Code} and
 * {@code Message}.
 */
public final class TencentAnswers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TencentAnswers() {
    }

    public static ApiResponse success(ApiCall call, ObjectNode output) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode response = body.putObject("Response");
        response.setAll(output);
        response.put("RequestId", call.requestId());
        return ApiResponse.json(200, body.toString());
    }

    /** The answer to a refused request; {@code call} is null when the request was refused before it was read. */
    public static ApiResponse failure(ApiCall call, ApiError error) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode response = body.putObject("Response");
        ObjectNode detail = response.putObject("Error");
        detail.put("Code", error.code());
        detail.put("Message", error.getMessage());
        response.put("RequestId", call == null ? ApiServer.requestId() : call.requestId());
        return ApiResponse.json(error.status(), body.toString());
    }
}
