package io.github.cameliot.emulator.tencent.explorer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.sign.Crypto;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * Binding devices into families (with a provisioning token or the device's dynamic signature), listing and
 * unbinding them, and what reaches the simulated devices: control, action calls, messages, and their state read back.
 */
final class DeviceActions {

    private final Families families;
    private final Devices devices;

    private DeviceActions(Families families, Devices devices) {
        this.families = families;
        this.devices = devices;
    }

    static void register(ApiServer server, Families families, Devices devices) {
        DeviceActions actions = new DeviceActions(families, devices);
        server.handle("AppCreateDeviceBindToken", call -> Params.data(Params.MAPPER.createObjectNode().put("Token",
                devices.bindTokens().create(call.principal(), "1".equals(call.text("TokenLengthType"))))));
        server.handle("AppGetDeviceBindTokenState", call -> Params.data(Params.MAPPER.createObjectNode()
                .put("State", devices.bindTokens().state(call.principal(), Params.text(call, "Token")))));
        server.handle("AppTokenBindDeviceFamily", actions::bindWithToken);
        server.handle("AppSigBindDeviceInFamily", actions::bindWithSignature);
        server.handle("AppDeleteDeviceInFamily", call -> {
            families.unbind(call.principal(), Params.text(call, "FamilyId"), Params.deviceId(call));
            return Params.empty();
        });
        server.handle("AppGetFamilyDeviceList", call -> {
            synchronized (families) {
                return Params.page(call, families.devices(call.principal(), Params.text(call, "FamilyId"),
                        call.text("RoomId")), "DeviceList", binding -> info(binding).put("UserId", call.principal()));
            }
        });
        server.handle("AppGetDeviceInFamily", call -> {
            synchronized (families) {
                String deviceId = Params.deviceId(call);
                Families.Binding binding = families.binding(call.principal(), deviceId);
                if (!binding.familyId.equals(Params.text(call, "FamilyId"))) {
                    throw new ApiError("InvalidParameterValue.AppDeviceNotExist", "绑定设备 " + deviceId + " 不存在。");
                }
                return Params.data(info(binding).put("DeviceType", 0));
            }
        });
        server.handle("AppUpdateDeviceInFamily", call -> {
            synchronized (families) {
                return Params.data(info(families.rename(call.principal(), Params.deviceId(call),
                        Params.text(call, "AliasName"))));
            }
        });
        server.handle("AppModifyFamilyDeviceRoom", call -> {
            families.moveDevice(call.principal(), Params.text(call, "FamilyId"), Params.text(call, "RoomId"),
                    Params.deviceId(call));
            return Params.empty();
        });
        server.handle("AppGetDeviceStatuses", actions::statuses);
        server.handle("AppGetDeviceData", call -> Params.data(Params.MAPPER.getNodeFactory()
                .textNode(actions.usable(call, Params.deviceId(call)).data().toString())));
        server.handle("AppControlDeviceData", call -> {
            SimulatedDevice device = actions.online(call, Params.deviceId(call));
            device.control(Params.jsonObject(call, "Data"));
            return Params.data(Params.MAPPER.getNodeFactory().textNode(""));
        });
        server.handle("AppReportDataAsDevice", call -> {
            SimulatedDevice device = actions.usable(call, Params.text(call, "DeviceId"));
            device.report(Params.jsonObject(call, "Data").toString());
            return Params.data(Params.MAPPER.getNodeFactory().textNode(""));
        });
        server.handle("AppCallDeviceActionSync", call -> {
            ObjectNode reply = actions.callAction(call);
            return Params.MAPPER.createObjectNode().put("ClientToken", reply.path("clientToken").asText())
                    .put("Status", reply.path("status").asText()).put("OutputParams", reply.path("response").toString());
        });
        server.handle("AppCallDeviceActionAsync", call -> Params.MAPPER.createObjectNode()
                .put("ClientToken", actions.callAction(call).path("clientToken").asText()).put("Status", "Sent"));
        server.handle("AppApiPublishMessage", actions::publish);
    }

    private ObjectNode bindWithToken(ApiCall call) {
        String productId = Params.text(call, "ProductId");
        String deviceName = Params.text(call, "DeviceName");
        devices.existing(productId, deviceName);
        String familyId = Params.text(call, "FamilyId");
        families.of(call.principal(), familyId);
        devices.bindTokens().use(call.principal(), Params.text(call, "Token"), productId + "/" + deviceName);
        families.bind(call.principal(), familyId, call.text("RoomId"), productId, deviceName);
        return Params.empty();
    }

    /** Checks the device's dynamic signature, made with its PSK as the documentation's binding samples make it. */
    private ObjectNode bindWithSignature(ApiCall call) {
        String productId = Params.text(call, "ProductId");
        String deviceName = Params.text(call, "DeviceName");
        SimulatedDevice device = devices.existing(productId, deviceName);
        if (!device.everOnline()) {
            throw new ApiError("InvalidParameterValue.BindDeviceNotConnected", "设备近期没有连接到云。");
        }
        long timestamp = call.params().path("DeviceTimestamp").asLong();
        String connId = call.text("ConnId") == null ? "" : call.text("ConnId");
        String bindType = Params.text(call, "BindType");
        String plain = "wifi_sign".equals(bindType)
                ? "DeviceName=" + deviceName + "&DeviceTimestamp=" + timestamp + "&ProductId=" + productId
                  + "&ConnId=" + connId
                : productId + deviceName + ";" + connId + ";" + timestamp;
        String algorithm = "hmacsha256".equalsIgnoreCase(call.text("SignMethod")) ? Crypto.HMAC_SHA256 : Crypto.HMAC_SHA1;
        String expected = Crypto.hex(Crypto.hmac(algorithm, Base64.getDecoder().decode(device.psk()), plain));
        if (!expected.equalsIgnoreCase(Params.text(call, "Signature"))) {
            throw new ApiError("InvalidParameterValue.BindDeviceSigMismatch", "绑定设备动态签名错误。");
        }
        synchronized (families) {
            Families.Binding binding = families.bind(call.principal(), Params.text(call, "FamilyId"),
                    call.text("RoomId"), productId, deviceName);
            return Params.data(Params.MAPPER.createObjectNode().set("AppDeviceInfo", info(binding)));
        }
    }

    private ObjectNode statuses(ApiCall call) {
        JsonNode ids = call.params().path("DeviceIds");
        if (!ids.isArray()) {
            throw new ApiError("InvalidParameterValue", "DeviceIds is a list of ProductId/DeviceName.");
        }
        ObjectNode answer = Params.empty();
        ArrayNode statuses = answer.putArray("DeviceStatuses");
        for (JsonNode id : ids) {
            SimulatedDevice device = usable(call, id.asText());
            statuses.addObject().put("DeviceId", device.deviceId()).put("ProductId", device.productId())
                    .put("DeviceName", device.deviceName()).put("Online", device.isOnline() ? 1 : 0);
        }
        return answer;
    }

    private ObjectNode callAction(ApiCall call) {
        SimulatedDevice device = online(call, Params.deviceId(call));
        JsonNode input = call.params().hasNonNull("InputParams") ? Params.jsonObject(call, "InputParams")
                : Params.empty();
        return device.callAction(Params.text(call, "ActionId"), input);
    }

    /** Signed with the AppKey, without a user: the device only has to exist. */
    private ObjectNode publish(ApiCall call) {
        SimulatedDevice device = devices.existing(Params.text(call, "ProductId"), Params.text(call, "DeviceName"));
        if (!device.isOnline()) {
            throw new ApiError("FailedOperation.DeviceOffline", "设备不在线。");
        }
        String payload = Params.text(call, "Payload");
        byte[] bytes;
        if ("base64".equalsIgnoreCase(call.text("PayloadEncoding"))) {
            try {
                bytes = Base64.getDecoder().decode(payload);
            } catch (IllegalArgumentException e) {
                throw new ApiError("InvalidParameterValue", "Payload is not Base64.");
            }
        } else {
            bytes = payload.getBytes(StandardCharsets.UTF_8);
        }
        device.deliver(Params.text(call, "Topic"), bytes);
        return Params.empty();
    }

    /** A device the calling user can use. */
    private SimulatedDevice usable(ApiCall call, String deviceId) {
        SimulatedDevice device = devices.existing(deviceId);
        families.binding(call.principal(), deviceId);
        return device;
    }

    private SimulatedDevice online(ApiCall call, String deviceId) {
        SimulatedDevice device = usable(call, deviceId);
        if (!device.isOnline()) {
            throw new ApiError("FailedOperation.DeviceOffline", "设备 " + deviceId + " 不在线。");
        }
        return device;
    }

    private static ObjectNode info(Families.Binding binding) {
        return Params.MAPPER.createObjectNode().put("DeviceId", binding.deviceId())
                .put("ProductId", binding.productId).put("DeviceName", binding.deviceName)
                .put("AliasName", binding.aliasName).put("IconUrl", "").put("FamilyId", binding.familyId)
                .put("RoomId", binding.roomId).put("CreateTime", binding.createTime)
                .put("UpdateTime", binding.updateTime);
    }
}
