package io.github.cameliot.emulator.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiError;
import org.junit.jupiter.api.Test;

/** The flattened lists of Alibaba's RPC style, read back into the lists they were. */
class RpcParametersTest {

    @Test
    void listsAreFoldedInIndexOrder() {
        Map<String, String> wire = new LinkedHashMap<>();
        RpcParameters.decode("ProductKey=a1Key&DeviceName.10=ten&DeviceName.2=two&DeviceName.1=one"
                + "&ProductTag.2.TagKey=b&ProductTag.1.TagKey=a&ProductTag.1.TagValue=x%20y", wire);

        ObjectNode params = RpcParameters.fold(wire);

        assertThat(params.path("ProductKey").asText()).isEqualTo("a1Key");
        assertThat(params.path("DeviceName").toString()).isEqualTo("[\"one\",\"two\",\"ten\"]");
        assertThat(params.path("ProductTag").toString())
                .isEqualTo("[{\"TagKey\":\"a\",\"TagValue\":\"x y\"},{\"TagKey\":\"b\"}]");
    }

    @Test
    void aParameterSentTwiceIsRefused() {
        assertThatThrownBy(() -> RpcParameters.decode("Action=Pub&Action=RRpc", new LinkedHashMap<>()))
                .isInstanceOfSatisfying(ApiError.class, error -> assertThat(error.code()).isEqualTo("InvalidParameter"));
    }
}
