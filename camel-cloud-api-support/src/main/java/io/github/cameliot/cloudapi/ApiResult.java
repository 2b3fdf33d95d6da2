package io.github.cameliot.cloudapi;

import java.util.Map;

/**
 * A successful answer: the action's response fields and the request id the cloud gave the call.
 *
 * @param fields    the response fields, as parsed JSON ({@code Map}, {@code List}, {@code String}, numbers, booleans)
 * @param requestId the cloud's id of the request
 */
public record ApiResult(Map<String, Object> fields, String requestId) {
}
