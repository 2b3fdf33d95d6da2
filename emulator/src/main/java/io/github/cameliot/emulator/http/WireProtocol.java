package io.github.cameliot.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one cloud API puts calls on the wire: how a request names its action, carries its parameters and is signed,
 * and what its answers and errors look like.
 */
public interface WireProtocol {

    /**
     * Reads and authenticates a request.
     *
     * @throws ApiError with the cloud's code when the request is malformed, unsigned, wrongly signed, expired or
     *                  replayed, or names an unknown key
     */
    ApiCall read(ApiRequest request);

    /** The answer to a call that succeeded with the action's output fields. */
    ApiResponse success(ApiCall call, ObjectNode output);

    /**
     * The answer to a refused request.
     *
     * @param call the call, or null when the request was refused before it was read
     */
    ApiResponse failure(ApiCall call, ApiError error);

    /** The error code of a missing required parameter. */
    String missingParameterCode();

    /** The error code of an action called more often than its quota allows. */
    ApiError throttled(String action);

    /** The error code of an internal error, answered by the fault injection's 5xx responses. */
    ApiError internalError();

    /** The error code of an action the API does not have. */
    ApiError unknownAction(String action);
}
