package io.github.cameliot.examples.explorer;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.camel.ProducerTemplate;

/**
 * Does through the tencent-iot-explorer producer what the user does in the app for new devices: creates a family
 * with a room and binds each device into it with a provisioning token (AppCreateDeviceBindToken, handed to the
 * device, which reports it to the cloud; then AppTokenBindDeviceFamily). The component logs the user in on the
 * first call, with its {@code loginAction}. Answers the family's id.
 */
final class FamilySetup {

    private final ProducerTemplate template;

    FamilySetup(ProducerTemplate template) {
        this.template = template;
    }

    /**
     * @param provision hands a device (by name) its provisioning token, as the app does over Wi-Fi or Bluetooth
     */
    String bind(Settings settings, String productId, List<String> deviceNames, BiConsumer<String, String> provision) {
        String familyId = field(call("AppCreateFamily", Map.of("Name", settings.get("explorer.familyName"),
                "Address", settings.get("explorer.familyAddress"))), "FamilyId");
        String roomId = field(call("AppCreateRoom", Map.of("FamilyId", familyId,
                "Name", settings.get("explorer.roomName"))), "RoomId");
        for (String device : deviceNames) {
            String token = field(call("AppCreateDeviceBindToken", Map.of()), "Token");
            provision.accept(device, token);
            call("AppTokenBindDeviceFamily", Map.of("FamilyId", familyId, "RoomId", roomId, "Token", token,
                    "ProductId", productId, "DeviceName", device));
        }
        return familyId;
    }

    private Map<?, ?> call(String action, Map<String, Object> parameters) {
        return template.requestBody("tencent-iot-explorer:" + action, parameters, Map.class);
    }

    /** An answer's field, which the API puts either at the top or under {@code Data}. */
    private static String field(Map<?, ?> answer, String name) {
        Object value = answer.get(name);
        if (value == null && answer.get("Data") instanceof Map<?, ?> data) {
            value = data.get(name);
        }
        if (value == null) {
            throw new IllegalStateException("The answer has no " + name + ": " + answer.keySet());
        }
        return value.toString();
    }
}
