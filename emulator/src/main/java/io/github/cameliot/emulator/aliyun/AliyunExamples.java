package io.github.cameliot.emulator.aliyun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ActionHandler;

/** Answers an IoT Platform action with its documented example response, less the example's RequestId. */
final class AliyunExamples {

    private AliyunExamples() {
    }

    static ActionHandler of(ActionBook book) {
        return call -> {
            ObjectNode response = book.exampleResponse(call.action());
            response.remove("RequestId");
            return response;
        };
    }
}
