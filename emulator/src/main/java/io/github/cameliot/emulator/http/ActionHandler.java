package io.github.cameliot.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Carries out one action of an emulated API. */
@FunctionalInterface
public interface ActionHandler {

    /**
     * Carries out the call.
     *
     * @return the action's output fields (without the request id, which the protocol adds)
     * @throws ApiError to refuse the call with the cloud's error code
     */
    ObjectNode handle(ApiCall call);
}
