package io.github.cameliot.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP request as an API of the emulator received it.
 *
 * @param headers the headers, names in lower case (the last value of a repeated header)
 * @param query   the raw query string, empty when there is none
 */
public record ApiRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
