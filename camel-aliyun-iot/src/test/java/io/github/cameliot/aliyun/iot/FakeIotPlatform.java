package io.github.cameliot.aliyun.iot;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.AliyunRpcVerifier;
import io.github.cameliot.cloudapi.test.NoDelayServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A small IoT Platform (API 2018-01-20) with state that the test changes between polls: one product's devices, each
 * with its shadow (version, desired, reported) and its property and event history. It answers, in Alibaba's JSON
 * shapes (those of the examples in the emulator's action book {@code aliyun-iot.json}):
 * <ul>
 * <li>{@code QueryDevice}: {@code CurrentPage}/{@code PageSize} pages (at most 50) of {@code Data.DeviceInfo}, newest
 * device first, with {@code Total};</li>
 * <li>{@code GetDeviceShadow}: the shadow document as a JSON string in {@code ShadowMessage} (none without a
 * shadow);</li>
 * <li>{@code QueryDevicePropertyData} and {@code QueryDeviceEventData}: the records from {@code StartTime} to
 * {@code EndTime} (both included) in the order {@code Asc} asks, at most {@code PageSize} (at most 50), in
 * {@code Data.List.PropertyInfo} / {@code Data.List.EventInfo}, with {@code Data.NextValid} and {@code Data.NextTime}.
 * Like the documentation's example, {@code NextTime} lies just past the page's last record (one millisecond later in
 * ascending order), so a client that followed it blindly would skip the records of that millisecond that did not fit
 * in the page.</li>
 * </ul>
 * Every request must be signed with one of the known fake keys (checked by {@link AliyunRpcVerifier}); every call is
 * recorded. Errors are answered as Alibaba does, HTTP 200 with {@code Success=false}, {@code Code} and
 * {@code ErrorMessage} (a bad signature: HTTP 400 with {@code Code} and {@code Message}).
 */
public final class FakeIotPlatform extends Dispatcher implements AutoCloseable {

    public static final String PRODUCT_KEY = "a1PollTest";
    static final String VERSION = "2018-01-20";
    static final int MAX_PAGE_SIZE = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SELECTOR = Set.of("ProductKey", "DeviceName");

    /** A call the platform answered: the action and its own parameters (without the common ones), as sent. */
    public record Call(String action, Map<String, String> parameters) {

        public String get(String name) {
            return parameters.get(name);
        }

        long number(String name) {
            return Long.parseLong(parameters.get(name));
        }
    }

    /** A record of a device's history: its time, and its fields as the API answers them. */
    record Record(long time, Map<String, Object> fields) {
    }

    static final class Device {
        final String name;
        Long shadowVersion; // null: no shadow
        final Map<String, Object> desired = new LinkedHashMap<>();
        final Map<String, Object> reported = new LinkedHashMap<>();
        final Map<String, List<Record>> properties = new LinkedHashMap<>();
        final Map<String, List<Record>> events = new LinkedHashMap<>();

        Device(String name) {
            this.name = name;
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("DeviceId", name + "Id");
            info.put("DeviceName", name);
            info.put("ProductKey", PRODUCT_KEY);
            info.put("DeviceSecret", "fake-device-secret");
            info.put("UtcCreate", "2019-02-20T02:16:09.000Z");
            info.put("GmtCreate", "Wed, 20-Feb-2019 02:16:09 GMT");
            info.put("IotId", name + "IotId0000");
            info.put("DeviceStatus", "ONLINE");
            info.put("Nickname", "");
            return info;
        }
    }

    private final Map<String, String> secrets;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> signatureErrors = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();

    /** @param secrets the accepted fake key pairs, AccessKeyId to AccessKeySecret */
    public FakeIotPlatform(Map<String, String> secrets) throws Exception {
        this.secrets = Map.copyOf(secrets);
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the test's changes

    public synchronized Device add(String name) {
        Device device = new Device(name);
        devices.put(name, device);
        return device;
    }

    synchronized void remove(String name) {
        devices.remove(name);
    }

    /** Sets a desired value, as UpdateDeviceShadow does: a new version (the first one creates the shadow). */
    synchronized long desire(String name, String key, Object value) {
        Device device = devices.get(name);
        device.desired.put(key, value);
        return next(device);
    }

    /** Sets a reported value, as the device does: a new version. */
    public synchronized long report(String name, String key, Object value) {
        Device device = devices.get(name);
        device.reported.put(key, value);
        return next(device);
    }

    private static long next(Device device) {
        device.shadowVersion = device.shadowVersion == null ? 1L : device.shadowVersion + 1;
        return device.shadowVersion;
    }

    /** Records a property value, as the device's report does. */
    synchronized Record property(String name, String identifier, long time, String value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Value", value);
        fields.put("Time", time);
        Record record = new Record(time, fields);
        devices.get(name).properties.computeIfAbsent(identifier, k -> new ArrayList<>()).add(record);
        return record;
    }

    /** Records an event; its time is answered as text, as in the documentation's example. */
    synchronized Record event(String name, String identifier, String eventType, long time, Map<String, Object> output) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", identifier + "Name");
        fields.put("Time", Long.toString(time));
        fields.put("OutputData", json(output));
        fields.put("EventType", eventType);
        fields.put("Identifier", identifier);
        Record record = new Record(time, fields);
        devices.get(name).events.computeIfAbsent(identifier, k -> new ArrayList<>()).add(record);
        return record;
    }

    // ---- what was called

    List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String action) {
        return calls.stream().filter(call -> call.action().equals(action)).toList();
    }

    public List<String> signatureErrors() {
        return List.copyOf(signatureErrors);
    }

    // ---- the API

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Map<String, String> parameters;
        try {
            String accessKeyId = AliyunRpcVerifier.parameters(request).get("AccessKeyId");
            if (accessKeyId == null || !secrets.containsKey(accessKeyId)) {
                throw new AssertionError("unknown AccessKeyId " + accessKeyId);
            }
            parameters = AliyunRpcVerifier.verify(request, VERSION, secrets.get(accessKeyId));
        } catch (AssertionError e) {
            signatureErrors.add(e.getMessage());
            return json(400, Map.of("RequestId", "req-error", "Code", "SignatureDoesNotMatch", "Message", e.getMessage()));
        }
        String action = AliyunRpcVerifier.parameters(request).get("Action");
        calls.add(new Call(action, parameters));
        synchronized (this) {
            if (!PRODUCT_KEY.equals(parameters.get("ProductKey"))) {
                return error("iot.prod.NotExistedProduct", "product does not exist");
            }
            return switch (action) {
                case "QueryDevice" -> queryDevice(parameters);
                case "GetDeviceShadow" -> getDeviceShadow(parameters);
                case "QueryDevicePropertyData" -> history(parameters, "PropertyInfo", true);
                case "QueryDeviceEventData" -> history(parameters, "EventInfo", false);
                default -> error("UnsupportedOperation", "The specified action is not supported.");
            };
        }
    }

    private MockResponse queryDevice(Map<String, String> parameters) {
        int pageSize = parameters.containsKey("PageSize") ? Integer.parseInt(parameters.get("PageSize")) : 10;
        int page = parameters.containsKey("CurrentPage") ? Integer.parseInt(parameters.get("CurrentPage")) : 1;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 1) {
            return error("iot.common.InvalidPageParams", "invalid page params");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        devices.values().forEach(device -> all.add(0, device.info())); // newest first
        List<Map<String, Object>> items = all.subList(Math.min(all.size(), (page - 1) * pageSize),
                Math.min(all.size(), page * pageSize));
        Map<String, Object> response = ok();
        response.put("PageCount", (all.size() + pageSize - 1) / pageSize);
        response.put("Data", Map.of("DeviceInfo", items));
        response.put("Page", page);
        response.put("PageSize", pageSize);
        response.put("Total", all.size());
        return json(200, response);
    }

    private MockResponse getDeviceShadow(Map<String, String> parameters) {
        Device device = devices.get(parameters.get("DeviceName"));
        if (device == null) {
            return error("iot.device.NotExistedDevice", "device does not exist");
        }
        Map<String, Object> response = ok();
        if (device.shadowVersion != null) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("desired", device.desired);
            state.put("reported", device.reported);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("desired", timestamps(device.desired));
            metadata.put("reported", timestamps(device.reported));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("state", state);
            document.put("metadata", metadata);
            document.put("timestamp", 1700000000L + device.shadowVersion);
            document.put("version", device.shadowVersion);
            response.put("ShadowMessage", json(document));
        }
        return json(200, response);
    }

    private static Map<String, Object> timestamps(Map<String, Object> values) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        values.keySet().forEach(key -> metadata.put(key, Map.of("timestamp", 1700000000L)));
        return metadata;
    }

    private MockResponse history(Map<String, String> parameters, String itemsName, boolean pageSizeRequired) {
        for (String required : List.of("Identifier", "StartTime", "EndTime")) {
            if (parameters.get(required) == null) {
                return error("iot.common.InvalidParameter", required + " is required");
            }
        }
        if (pageSizeRequired && (parameters.get("PageSize") == null || parameters.get("Asc") == null)) {
            return error("iot.common.InvalidParameter", "PageSize and Asc are required");
        }
        if (!parameters.keySet().containsAll(SELECTOR)) {
            return error("iot.device.InvalidIoTId", "no device selected");
        }
        Device device = devices.get(parameters.get("DeviceName"));
        if (device == null) {
            return error("iot.device.NotExistedDevice", "device does not exist");
        }
        long start = Long.parseLong(parameters.get("StartTime"));
        long end = Long.parseLong(parameters.get("EndTime"));
        int pageSize = parameters.get("PageSize") == null ? 10 : Integer.parseInt(parameters.get("PageSize"));
        boolean ascending = "1".equals(parameters.get("Asc"));
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return error("iot.common.InvalidPageParams", "PageSize must be 1 to " + MAX_PAGE_SIZE);
        }
        if (ascending ? start >= end : start <= end) {
            return error("iot.device.InvalidTimeBucket", "invalid time bucket");
        }
        String eventType = parameters.get("EventType");
        Map<String, List<Record>> history = "PropertyInfo".equals(itemsName) ? device.properties : device.events;
        List<Record> matching = new ArrayList<>();
        long from = Math.min(start, end);
        long to = Math.max(start, end);
        for (Record record : history.getOrDefault(parameters.get("Identifier"), List.of())) {
            if (record.time() >= from && record.time() <= to
                && (eventType == null || eventType.equals(record.fields().get("EventType")))) {
                matching.add(record);
            }
        }
        // stable sorts: the records of one millisecond keep the order they were recorded in
        matching.sort(ascending ? Comparator.comparingLong(Record::time)
                : Comparator.comparingLong(Record::time).reversed());
        List<Record> page = matching.subList(0, Math.min(pageSize, matching.size()));
        boolean nextValid = matching.size() > page.size();
        long nextTime = page.isEmpty() ? start : page.get(page.size() - 1).time() + (ascending ? 1 : -1);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("NextValid", nextValid);
        data.put("NextTime", nextTime);
        data.put("List", Map.of(itemsName, page.stream().map(Record::fields).toList()));
        Map<String, Object> response = ok();
        response.put("Data", data);
        return json(200, response);
    }

    private static Map<String, Object> ok() {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("RequestId", "req-" + System.nanoTime());
        response.put("Success", true);
        return response;
    }

    private static MockResponse error(String code, String message) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("RequestId", "req-error-" + System.nanoTime());
        response.put("Success", false);
        response.put("Code", code);
        response.put("ErrorMessage", message);
        return json(200, response);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse json(int code, Object value) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json;charset=utf-8")
                .body(json(value)).build();
    }
}
