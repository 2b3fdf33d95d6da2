package io.github.cameliot.emulator.tencent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ActionHandler;

/** Answers a Tencent Cloud API 3.0 action with the output fields of its documented example. */
public final class TencentExamples {

    private TencentExamples() {
    }

    public static ActionHandler of(ActionBook book) {
        return call -> {
            ObjectNode response = (ObjectNode) book.exampleResponse(call.action()).path("Response");
            response.remove("RequestId");
            return response;
        };
    }
}
