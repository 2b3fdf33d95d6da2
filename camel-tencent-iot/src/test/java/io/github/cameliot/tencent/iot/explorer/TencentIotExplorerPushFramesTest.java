package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/** A DeviceChange push turned into a message, with the documentation's payloads (§4.4 of the API notes, corrected). */
class TencentIotExplorerPushFramesTest {

    static final String TEMPLATE_PUSH
            = "eyJtZXRob2QiOiJjb250cm9sIiwiY2xpZW50VG9rZW4iOiIxMjM0NTY3OCIsInBhcmFtcyI6eyJzd2l0Y2giOjB9fQ==";
    static final String PROPERTY_REPORT = "eyJ0aW1lc3RhbXAiOiAwLCAicGFyYW1zIjogeyJicmlnaHRuZXNzIjogNTl9LCAibWV0aG9kIjogInJlcG9ydCIsICJjbGllbnRUb2tlbiI6ICJ0bTIwMTkxMDMwMTA0MDUzXzEifQ==";
    static final String EVENT_REPORT = "ewogICAgICAgICJtZXRob2QiOiAiZXZlbnRfcG9zdCIsCiAgICAgICAgInZlcnNpb24iOiAiMS4wIiwKICAgICAgICAiZXZlbnRJZCI6ICJsb3dfdm9sdGFnZSIsCiAgICAgICAgInBhcmFtcyI6IHsKICAgICAgICAgICAgInZvbHRhZ2UiOiAyLjI3ODA4MQogICAgICAgIH0sCiAgICAgICAgImNsaWVudFRva2VuIjogImNsaWVudFRva2VuLTU1OSJ9";
    static final String ACTION_REPORT = "eyJtZXRob2QiOiJhY3Rpb25fcmVwbHkiLCJjbGllbnRUb2tlbiI6IjEzNjk0NzQ5Mzo6cmVxXzEiLCJjb2RlIjowLCJzdGF0dXMiOiJzdWNjIiwicmVzcG9uc2UiOnsicmVzdWx0IjogMX19";

    @Test
    void theDocumentedPushesBecomeHeadersAndTheDecodedPayload() {
        Message template = populate("Template", "Push", "productId/deviceName", "", TEMPLATE_PUSH, 1689231611907L);
        assertThat(text(template)).isEqualTo("{\"method\":\"control\",\"clientToken\":\"12345678\",\"params\":{\"switch\":0}}");
        assertThat(template.getHeaders()).containsEntry(TencentIotExplorerConstants.PUSH_TYPE, "Template")
                .containsEntry(TencentIotExplorerConstants.PUSH_SUB_TYPE, "Push")
                .containsEntry(TencentIotExplorerConstants.METHOD, "control")
                .containsEntry(TencentIotExplorerConstants.CLIENT_TOKEN, "12345678")
                .containsEntry(TencentIotExplorerConstants.SEQ, 1689231611907L)
                .containsEntry(TencentIotExplorerConstants.PUSH_TIME, "2023-07-13T15:00:11+08:00")
                .containsEntry(TencentIotExplorerConstants.PRODUCT_ID, "productId")
                .containsEntry(TencentIotExplorerConstants.DEVICE_NAME, "deviceName")
                .doesNotContainKey(TencentIotExplorerConstants.TOPIC);

        Message property = populate("Property", "Report", "WTJZX0MF2/device_property001",
                "$thing/up/property/WTJZX0MF2/device_property001", PROPERTY_REPORT, 6);
        assertThat(text(property)).contains("\"brightness\": 59");
        assertThat(property.getHeaders()).containsEntry(TencentIotExplorerConstants.METHOD, "report")
                .containsEntry(TencentIotExplorerConstants.TOPIC, "$thing/up/property/WTJZX0MF2/device_property001");

        Message event = populate("Event", "Report", "US4CJ11DIK/LIAO", "$thing/up/event/US4CJ11DIK/LIAO",
                EVENT_REPORT, 300);
        assertThat(text(event)).contains("\"eventId\": \"low_voltage\"");
        assertThat(event.getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("event_post");

        // the correlation of an async action's result with the ClientToken AppCallDeviceActionAsync returned
        Message action = populate("Action", "Report", "0CPSFIRP28/testble", "", ACTION_REPORT, 1620912845);
        assertThat(action.getHeaders()).containsEntry(TencentIotExplorerConstants.CLIENT_TOKEN, "136947493::req_1")
                .containsEntry(TencentIotExplorerConstants.METHOD, "action_reply");

        Message status = populate("StatusChange", "Online", "PRODUCT/dev2", "", "", 7);
        assertThat(status.getBody(byte[].class)).isEmpty();
        assertThat(status.getHeader(TencentIotExplorerConstants.METHOD)).isNull();

        Message userDefined = populate("UserDefined", "Report", "PRODUCT/dev2", "PRODUCT/dev2/user/data",
                "dGVtcGVyYXR1cmU9MjEuNQ==", 8);
        assertThat(text(userDefined)).isEqualTo("temperature=21.5");
        assertThat(userDefined.getHeader(TencentIotExplorerConstants.CLIENT_TOKEN)).isNull();
    }

    private static Message populate(String type, String subType, String deviceId, String topic, String payload,
                                    long seq) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Time", "2023-07-13T15:00:11+08:00");
        params.put("Type", type);
        params.put("SubType", subType);
        params.put("Topic", topic);
        params.put("Payload", payload);
        params.put("Seq", seq);
        params.put("DeviceId", deviceId);
        Message message = new DefaultMessage(new DefaultCamelContext());
        TencentIotExplorerPushFrames.populate(message, params);
        return message;
    }

    private static String text(Message message) {
        return new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
    }
}
