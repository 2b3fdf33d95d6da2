package io.github.cameliot.emulator.http;

import java.nio.charset.StandardCharsets;

/** An HTTP answer of an API of the emulator. */
public record ApiResponse(int status, String contentType, byte[] body) {

    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }
}
