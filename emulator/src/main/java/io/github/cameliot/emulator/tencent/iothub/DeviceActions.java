package io.github.cameliot.emulator.tencent.iothub;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The device actions that keep state: creating devices (with a generated PSK), describing and listing them with
 * their enable and online state, enabling and disabling, keys, log levels, resets of the connection state, and the
 * binding of sub-devices to gateways.
 */
final class DeviceActions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IotHubState state;

    DeviceActions(IotHubState state) {
        this.state = state;
    }

    void register(ApiServer server) {
        server.handle("CreateDevice", call -> state.locked(() -> create(call)));
        server.handle("DescribeDevice", call -> state.locked(() -> device(call).info()));
        server.handle("DescribeDevices", call -> state.locked(() -> list(call)));
        server.handle("DeleteDevice", call -> state.locked(() -> delete(call)));
        server.handle("UpdateDeviceAvailableState", call -> state.locked(() -> {
            enable(call.text("ProductId"), List.of(call.text("DeviceName")), enableState(call, "EnableState"));
            return JSON.objectNode();
        }));
        server.handle("UpdateDevicesEnableState", call -> state.locked(() -> {
            enable(call.text("ProductId"), names(call), enableState(call, "Status"));
            return JSON.objectNode();
        }));
        server.handle("UpdateDevicePSK", call -> state.locked(() -> updatePsk(call)));
        server.handle("UpdateDeviceLogLevel", call -> state.locked(() -> logLevel(call)));
        server.handle("ResetDeviceState", call -> state.locked(() -> reset(call)));
        server.handle("DescribeDeviceClientKey", call -> state.locked(() -> clientKey(call, server)));
        server.handle("BindDevices", call -> state.locked(() -> bind(call)));
        server.handle("UnbindDevices", call -> state.locked(() -> unbind(call)));
        server.handle("DescribeGatewayBindDevices", call -> state.locked(() -> boundDevices(call)));
    }

    /** Creates a device: what CreateDevice does. */
    Device add(String productId, String deviceName, String definedPsk, ArrayNode tags) {
        Product product = state.product(productId);
        if (product.forbidden) {
            throw IotHubErrors.unauthorized("ProductIsForbidden", "The product " + productId + " is forbidden.");
        }
        if (!deviceName.matches("[a-zA-Z0-9:_-]{1,48}")) {
            throw IotHubErrors.invalid("DeviceName " + deviceName + " is not 1-48 letters, digits, ':', '_' or '-'.");
        }
        if (product.devices.containsKey(deviceName)) {
            throw IotHubErrors.invalid("DeviceAlreadyExist", "The device " + productId + "/" + deviceName + " exists.");
        }
        String psk = definedPsk == null ? state.newPsk() : checkedPsk(definedPsk);
        Device device = new Device(productId, deviceName, psk, tags, state.nowMillis());
        product.devices.put(deviceName, device);
        return device;
    }

    private ObjectNode create(ApiCall call) {
        JsonNode tags = call.params().path("Attribute").path("Tags");
        Device device = add(call.text("ProductId"), call.text("DeviceName"), call.text("DefinedPsk"),
                tags instanceof ArrayNode array ? array.deepCopy() : null);
        ObjectNode output = JSON.objectNode();
        output.put("DeviceName", device.name);
        output.put("DevicePsk", device.psk);
        output.put("DeviceCert", "");
        output.put("DevicePrivateKey", "");
        output.put("LoraDevEui", "");
        output.put("LoraMoteType", 0);
        output.put("LoraAppKey", "");
        output.put("LoraNwkKey", "");
        return output;
    }

    private ObjectNode list(ApiCall call) {
        Product product = state.product(call.text("ProductId"));
        String name = call.text("DeviceName");
        String firmware = call.text("FirmwareVersion");
        JsonNode enableState = call.params().get("EnableState");
        List<Device> selected = new ArrayList<>();
        for (Device device : product.devices.values()) {
            boolean matches = (name == null || device.name.contains(name))
                    && (firmware == null || firmware.equals(device.firmwareVersion)
                        || "None-FirmwareVersion".equals(firmware) && device.firmwareVersion.isEmpty())
                    && (enableState == null || enableState.isNull() || enableState.asInt() == device.enableState);
            if (matches) {
                selected.add(device);
            }
        }
        ObjectNode output = JSON.objectNode();
        output.put("TotalCount", selected.size());
        ArrayNode devices = output.putArray("Devices");
        Pages.page(call, selected, 10, 250).forEach(device -> devices.add(device.info()));
        return output;
    }

    private ObjectNode delete(ApiCall call) {
        Device device = device(call);
        if (device.gateway != null) {
            throw IotHubErrors.unauthorized("DeviceHasAlreadyBindGateway", device.key() + " is bound to the gateway "
                    + device.gateway + "; unbind it first.");
        }
        if (!device.subDevices.isEmpty()) {
            throw IotHubErrors.unauthorized("GatewayHasBindedDevices", "The gateway " + device.key() + " has bound "
                    + "sub-devices; unbind them first.");
        }
        for (FirmwareTask task : state.firmwareTasks.values()) {
            if (task.isInProgress(device)) {
                throw new ApiError("UnsupportedOperation.DeviceOtaTaskInProgress", device.key()
                        + " is being upgraded by the firmware task " + task.id + ".");
            }
        }
        device.disconnect(state.nowSeconds());
        state.product(device.productId).devices.remove(device.name);
        return JSON.objectNode();
    }

    private void enable(String productId, List<String> deviceNames, int enableState) {
        Product product = state.product(productId);
        if (product.forbidden) {
            throw IotHubErrors.unauthorized("ProductIsForbidden", "The product " + productId + " is forbidden.");
        }
        List<Device> devices = new ArrayList<>();
        for (String name : deviceNames) {
            devices.add(state.device(productId, name));
        }
        for (Device device : devices) {
            device.enableState = enableState;
            device.lastUpdateSeconds = state.nowSeconds();
            if (enableState == 0) {
                device.disconnect(state.nowSeconds()); // the broker closes the connection of a disabled device
            }
        }
    }

    private ObjectNode updatePsk(ApiCall call) {
        Device device = device(call);
        device.psk = call.text("Psk"); // the document lists no base64 check for this action
        device.lastUpdateSeconds = state.nowSeconds();
        return JSON.objectNode();
    }

    private ObjectNode logLevel(ApiCall call) {
        Device device = device(call);
        if (device.enableState == 0) {
            throw IotHubErrors.unauthorized("DeviceIsNotEnabled", device.key() + " is disabled.");
        }
        int level = call.params().path("LogLevel").asInt(-1);
        if (level < 0 || level > 4) {
            throw IotHubErrors.invalid("LogLevel must be 0 to 4.");
        }
        device.logLevel = level;
        return JSON.objectNode();
    }

    /** Resets the connection state: each device is taken offline; unknown devices are reported, not refused. */
    private ObjectNode reset(ApiCall call) {
        Product product = state.product(call.text("ProductId"));
        ObjectNode output = JSON.objectNode();
        ArrayNode results = output.putArray("ResetDeviceResults");
        int successes = 0;
        for (String name : names(call)) {
            Device device = product.devices.get(name);
            ObjectNode result = results.addObject().put("DeviceName", name);
            if (device == null) {
                result.put("Success", false).put("Reason", "device not exists");
            } else {
                device.disconnect(state.nowSeconds());
                result.put("Success", true).put("Reason", "");
                successes++;
            }
        }
        output.put("SuccessCount", successes);
        return output;
    }

    /**
     * The private key of a certificate device, given once. The emulator does not issue certificates, so the key is
     * the documented example's; what it keeps is that the key can be fetched only once.
     */
    private ObjectNode clientKey(ApiCall call, ApiServer server) {
        Device device = device(call);
        if ("2".equals(state.product(device.productId).properties.path("EncryptionType").asText())) {
            throw new ApiError("UnsupportedOperation.WrongProductAuthType", "The product of " + device.key()
                    + " authenticates its devices by key, not certificate.");
        }
        if (device.clientKeyFetched) {
            throw new ApiError("UnsupportedOperation.ClientCertAlreadyGot", "The client key of " + device.key()
                    + " was already fetched.");
        }
        device.clientKeyFetched = true;
        ObjectNode output = JSON.objectNode();
        output.set("ClientKey", server.book().exampleResponse("DescribeDeviceClientKey").path("Response")
                .path("ClientKey"));
        return output;
    }

    private ObjectNode bind(ApiCall call) {
        Device gateway = gateway(call);
        List<Device> devices = subDevices(call);
        if (devices.size() > 100) {
            throw IotHubErrors.failed("BindDevicePerOnceOverLimit", "At most 100 devices are bound at once.");
        }
        for (Device device : devices) {
            if (device.enableState == 0) {
                throw IotHubErrors.unauthorized("DeviceIsNotEnabled", device.key() + " is disabled.");
            }
            if (device.gateway != null && !device.gateway.equals(gateway.key())) {
                throw IotHubErrors.unauthorized("DeviceHasAlreadyBindGateway", device.key()
                        + " is bound to the gateway " + device.gateway + ".");
            }
        }
        for (Device device : devices) {
            device.gateway = gateway.key();
            gateway.subDevices.putIfAbsent(device.key(), state.nowSeconds());
        }
        return JSON.objectNode();
    }

    private ObjectNode unbind(ApiCall call) {
        Device gateway = gateway(call);
        for (Device device : subDevices(call)) {
            if (gateway.key().equals(device.gateway)) {
                device.gateway = null;
                gateway.subDevices.remove(device.key());
            }
        }
        return JSON.objectNode();
    }

    private ObjectNode boundDevices(ApiCall call) {
        Device gateway = gateway(call);
        String productFilter = call.text("ProductId");
        List<ObjectNode> bound = new ArrayList<>();
        String productName = "";
        for (Map.Entry<String, Long> entry : gateway.subDevices.entrySet()) {
            String[] key = entry.getKey().split("/", 2);
            Device device = state.findDevice(key[0], key[1]);
            if (device == null || productFilter != null && !productFilter.equals(device.productId)) {
                continue;
            }
            productName = state.product(device.productId).name;
            ObjectNode info = JSON.objectNode();
            info.put("ProductId", device.productId);
            info.put("DeviceName", device.name);
            info.put("BindTime", entry.getValue());
            info.set("Tags", device.tags.deepCopy());
            bound.add(info);
        }
        ObjectNode output = JSON.objectNode();
        output.put("TotalCount", bound.size());
        ArrayNode devices = output.putArray("Devices");
        Pages.page(call, bound, 1, 100).forEach(devices::add);
        output.put("ProductName", productName);
        return output;
    }

    private Device gateway(ApiCall call) {
        Device gateway = state.device(call.text("GatewayProductId"), call.text("GatewayDeviceName"));
        if (!state.product(gateway.productId).isGateway()) {
            throw IotHubErrors.invalid("DeviceIsNotGateway", gateway.key() + " is not a gateway device.");
        }
        return gateway;
    }

    private List<Device> subDevices(ApiCall call) {
        List<Device> devices = new ArrayList<>();
        for (String name : names(call)) {
            devices.add(state.device(call.text("ProductId"), name));
        }
        return devices;
    }

    private Device device(ApiCall call) {
        return state.device(call.text("ProductId"), call.text("DeviceName"));
    }

    private static List<String> names(ApiCall call) {
        List<String> names = new ArrayList<>();
        call.params().path("DeviceNames").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static int enableState(ApiCall call, String parameter) {
        int value = call.params().path(parameter).asInt(-1);
        if (value != 0 && value != 1) {
            throw IotHubErrors.invalid(parameter + " must be 1 (enable) or 0 (disable).");
        }
        return value;
    }

    private static String checkedPsk(String psk) {
        try {
            if (psk.isEmpty() || Base64.getDecoder().decode(psk).length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return psk;
        } catch (IllegalArgumentException e) {
            throw IotHubErrors.invalid("DefinedPskNotBase64", "The PSK is not base64.");
        }
    }
}
