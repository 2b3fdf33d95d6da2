package io.github.cameliot.emulator.aliyun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The devices' life: registering one or a batch (with the batch's application id), reading them, their online state
 * (set by the simulated devices' connections), disabling, enabling and deleting them.
 */
final class DeviceActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BATCH = 1000;

    /** A batch registration: its product, and the devices it made (null until registered). */
    private record Apply(String productKey, List<String> names, List<Device> devices) {
    }

    private final IotPlatform platform;
    private final Map<Long, Apply> applies = new LinkedHashMap<>();
    private final AtomicLong applyIds = new AtomicLong(4398);

    DeviceActions(IotPlatform platform) {
        this.platform = platform;
    }

    void clear() {
        synchronized (platform) {
            applies.clear();
        }
    }

    void register(ApiServer server) {
        server.handle("RegisterDevice", this::registerDevice)
                .handle("QueryDeviceDetail", this::detail)
                .handle("QueryDevice", this::list)
                .handle("DeleteDevice", call -> {
                    platform.removeDevice(platform.device(call));
                    return MAPPER.createObjectNode();
                })
                .handle("GetDeviceStatus", call -> {
                    ObjectNode output = MAPPER.createObjectNode();
                    output.putObject("Data").put("Status", platform.device(call).status());
                    return output;
                })
                .handle("BatchGetDeviceState", this::states)
                .handle("DisableThing", call -> enable(call, false))
                .handle("EnableThing", call -> enable(call, true))
                .handle("BatchCheckDeviceNames", this::checkNames)
                .handle("BatchRegisterDeviceWithApplyId", this::registerApplied)
                .handle("BatchRegisterDevice", this::registerBatch)
                .handle("QueryBatchRegisterDeviceStatus", this::applyStatus)
                .handle("QueryPageByApplyId", this::applyPage);
    }

    private ObjectNode registerDevice(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            Device device = platform.addDevice(product, call.text("DeviceName"), call.text("Nickname"));
            ObjectNode output = MAPPER.createObjectNode();
            ObjectNode data = output.putObject("Data");
            data.put("IotId", device.iotId);
            data.put("ProductKey", device.productKey());
            data.put("DeviceName", device.deviceName);
            data.put("DeviceSecret", device.deviceSecret);
            if (device.nickname != null) {
                data.put("Nickname", device.nickname);
            }
            return output;
        }
    }

    private ObjectNode detail(ApiCall call) {
        synchronized (platform) {
            ObjectNode output = MAPPER.createObjectNode();
            output.set("Data", platform.device(call).detail(platform.region));
            return output;
        }
    }

    private ObjectNode list(ApiCall call) {
        Params.Page page = Params.page(call, "CurrentPage", 50);
        synchronized (platform) {
            platform.product(call.text("ProductKey"));
            List<Device> all = platform.devices(call.text("ProductKey"));
            ObjectNode output = MAPPER.createObjectNode();
            ArrayNode items = output.putObject("Data").putArray("DeviceInfo");
            page.of(all).forEach(device -> items.add(device.summary()));
            output.put("Page", page.number());
            output.put("PageSize", page.size());
            output.put("PageCount", page.count(all.size()));
            output.put("Total", all.size());
            return output;
        }
    }

    private ObjectNode states(ApiCall call) {
        synchronized (platform) {
            List<Device> devices = new ArrayList<>();
            List<String> iotIds = Params.texts(call, "IotId");
            List<String> names = Params.texts(call, "DeviceName");
            if (iotIds.isEmpty() && (names.isEmpty() || call.text("ProductKey") == null)) {
                throw new ApiError("iot.device.NoneDeviceNameElement", "Give IotId.N, or ProductKey and "
                        + "DeviceName.N.");
            }
            iotIds.forEach(iotId -> add(devices, platform.findDevice(iotId)));
            names.forEach(name -> add(devices, platform.findDevice(call.text("ProductKey"), name)));
            ObjectNode output = MAPPER.createObjectNode();
            ArrayNode list = output.putObject("DeviceStatusList").putArray("DeviceStatus");
            devices.forEach(device -> list.add(device.state()));
            return output;
        }
    }

    private static void add(List<Device> devices, Device device) {
        if (device != null) {
            devices.add(device);
        }
    }

    private ObjectNode enable(ApiCall call, boolean enabled) {
        synchronized (platform) {
            platform.enable(platform.device(call), enabled);
            return MAPPER.createObjectNode();
        }
    }

    /** BatchCheckDeviceNames: the names are checked and kept under a new application id. */
    private ObjectNode checkNames(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            List<String> names = Params.texts(call, "DeviceName");
            if (names.size() > MAX_BATCH) {
                throw new ApiError("iot.device.DeviceCountExceeded", "At most " + MAX_BATCH + " devices a batch.");
            }
            for (String name : names) {
                if (!name.matches("[A-Za-z0-9_\\-@.:]{4,32}")) {
                    throw new ApiError("iot.device.InvalidFormattedDeviceName", "The device name " + name
                            + " is not 4 to 32 letters, digits, -, _, @, . or :.");
                }
                if (platform.findDevice(product.productKey, name) != null) {
                    throw new ApiError("iot.device.AlreadyExistedDeviceName", "The device name " + name
                            + " already exists.");
                }
            }
            return applyId(newApply(product.productKey, names));
        }
    }

    private ObjectNode registerApplied(ApiCall call) {
        synchronized (platform) {
            Apply apply = apply(call);
            if (apply.devices().isEmpty()) {
                Product product = platform.product(apply.productKey());
                apply.names().forEach(name -> apply.devices().add(platform.addDevice(product, name, null)));
            }
            return applyId(Params.number(call, "ApplyId", 0));
        }
    }

    /** BatchRegisterDevice: Count devices with generated names, registered at once. */
    private ObjectNode registerBatch(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            int count = Params.integer(call, "Count", 0);
            if (count < 1 || count > MAX_BATCH) {
                throw new ApiError("iot.device.DeviceCountExceeded", "Count is 1 to " + MAX_BATCH + ".");
            }
            long id = newApply(product.productKey, List.of());
            Apply apply = applies.get(id);
            for (int i = 0; i < count; i++) {
                apply.devices().add(platform.addDevice(product, null, null));
            }
            return applyId(id);
        }
    }

    private ObjectNode applyStatus(ApiCall call) {
        synchronized (platform) {
            Apply apply = apply(call);
            ObjectNode output = MAPPER.createObjectNode();
            ObjectNode data = output.putObject("Data");
            boolean registered = !apply.devices().isEmpty();
            data.put("Status", registered ? "CREATE_SUCCESS" : "CHECK_SUCCESS");
            data.putObject("ValidList").putArray("Name");
            data.putObject("InvalidList").putArray("Name");
            return output;
        }
    }

    private ObjectNode applyPage(ApiCall call) {
        Params.Page page = Params.page(call, "CurrentPage", 50);
        synchronized (platform) {
            Apply apply = apply(call);
            ObjectNode output = MAPPER.createObjectNode();
            ArrayNode items = output.putObject("ApplyDeviceList").putArray("ApplyDeviceInfo");
            for (Device device : page.of(apply.devices())) {
                ObjectNode item = items.addObject();
                item.put("DeviceId", device.iotId.substring(0, 20));
                item.put("DeviceName", device.deviceName);
                item.put("DeviceSecret", device.deviceSecret);
                item.put("IotId", device.iotId);
            }
            output.put("Page", page.number());
            output.put("PageSize", page.size());
            output.put("PageCount", page.count(apply.devices().size()));
            output.put("Total", apply.devices().size());
            return output;
        }
    }

    private long newApply(String productKey, List<String> names) {
        long id = applyIds.incrementAndGet();
        applies.put(id, new Apply(productKey, List.copyOf(names), new ArrayList<>()));
        return id;
    }

    private Apply apply(ApiCall call) {
        Apply apply = applies.get(Params.number(call, "ApplyId", 0));
        if (apply == null || call.text("ProductKey") != null && !apply.productKey().equals(call.text("ProductKey"))) {
            throw new ApiError("iot.device.DeviceApplyIsNotFound", "No application " + call.text("ApplyId") + ".");
        }
        return apply;
    }

    private static ObjectNode applyId(long id) {
        ObjectNode output = MAPPER.createObjectNode();
        output.putObject("Data").put("ApplyId", id);
        return output;
    }
}
