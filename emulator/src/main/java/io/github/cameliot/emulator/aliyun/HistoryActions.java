package io.github.cameliot.emulator.aliyun;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The device data, as the cloud answers it: the property and event history the simulated devices report and the
 * service calls they got, by time range and {@code NextTime} cursor (QueryDevicePropertyData,
 * QueryDevicePropertiesData, QueryDeviceEventData, QueryDeviceServiceData), and the latest value of each property
 * (QueryDevicePropertyStatus).
 */
final class HistoryActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotPlatform platform;

    HistoryActions(IotPlatform platform) {
        this.platform = platform;
    }

    void register(ApiServer server) {
        server.handle("QueryDevicePropertyData", call -> history(call, "PropertyInfo", 50))
                .handle("QueryDeviceEventData", call -> history(call, "EventInfo", 50))
                .handle("QueryDeviceServiceData", call -> history(call, "ServiceInfo", 50))
                .handle("QueryDevicePropertiesData", this::properties)
                .handle("QueryDevicePropertyStatus", this::status);
    }

    private ObjectNode history(ApiCall call, String itemsName, int maxPageSize) {
        synchronized (platform) {
            Device device = platform.device(call);
            boolean events = "EventInfo".equals(itemsName);
            DeviceHistory history = switch (itemsName) {
                case "EventInfo" -> device.events;
                case "ServiceInfo" -> device.services;
                default -> device.properties;
            };
            DeviceHistory.Page page = page(call, history, call.text("Identifier"), maxPageSize,
                    events ? call.text("EventType") : null);
            ObjectNode output = MAPPER.createObjectNode();
            ObjectNode data = output.putObject("Data");
            data.put("NextValid", page.nextValid());
            data.put("NextTime", page.nextTime());
            ArrayNode items = data.putObject("List").putArray(itemsName);
            page.entries().forEach(entry -> items.add(entry.fields()));
            return output;
        }
    }

    /** Up to ten properties, each its own page; the answer's cursor is the first property's with more records. */
    private ObjectNode properties(ApiCall call) {
        List<String> identifiers = Params.texts(call, "Identifier");
        if (identifiers.size() > 10) {
            throw new ApiError("iot.device.TooManyDevicePropertiesPerTime", "At most 10 properties a call.");
        }
        synchronized (platform) {
            Device device = platform.device(call);
            ObjectNode output = MAPPER.createObjectNode();
            ArrayNode infos = output.putObject("PropertyDataInfos").putArray("PropertyDataInfo");
            boolean nextValid = false;
            long nextTime = Params.number(call, "StartTime", 0);
            for (String identifier : identifiers) {
                DeviceHistory.Page page = page(call, device.properties, identifier, 100, null);
                ObjectNode info = infos.addObject();
                info.put("Identifier", identifier);
                ArrayNode items = info.putObject("List").putArray("PropertyInfo");
                page.entries().forEach(entry -> items.add(entry.fields()));
                if (page.nextValid() && !nextValid) {
                    nextValid = true;
                    nextTime = page.nextTime();
                }
            }
            output.put("NextValid", nextValid);
            output.put("NextTime", nextTime);
            return output;
        }
    }

    private ObjectNode status(ApiCall call) {
        synchronized (platform) {
            Device device = platform.device(call);
            ObjectNode output = MAPPER.createObjectNode();
            ArrayNode items = output.putObject("Data").putObject("List").putArray("PropertyStatusInfo");
            for (Map.Entry<String, DeviceHistory.Entry> latest : device.properties.latest().entrySet()) {
                ObjectNode item = items.addObject();
                item.put("Identifier", latest.getKey());
                item.put("Value", latest.getValue().fields().get("Value").asText());
                item.put("Time", Long.toString(latest.getValue().time()));
            }
            return output;
        }
    }

    private static DeviceHistory.Page page(ApiCall call, DeviceHistory history, String identifier, int maxPageSize,
            String eventType) {
        long start = Params.number(call, "StartTime", 0);
        long end = Params.number(call, "EndTime", 0);
        int pageSize = Params.integer(call, "PageSize", 10);
        boolean ascending = Params.integer(call, "Asc", 0) == 1;
        if (pageSize < 1 || pageSize > maxPageSize) {
            throw new ApiError("iot.common.InvalidPageParams", "PageSize is 1 to " + maxPageSize + ".");
        }
        if (ascending ? start >= end : start <= end) {
            throw new ApiError("iot.device.InvalidTimeBucket", "With Asc=" + (ascending ? 1 : 0) + ", StartTime must be "
                    + (ascending ? "before" : "after") + " EndTime.");
        }
        return history.page(identifier, start, end, ascending, pageSize, eventType);
    }
}
