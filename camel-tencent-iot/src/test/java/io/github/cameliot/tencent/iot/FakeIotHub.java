package io.github.cameliot.tencent.iot;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.NoDelayServerSocketFactory;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A small IoT Hub with state that the test changes between polls: one product's devices, each with its Online and
 * EnableState and its shadow (version, desired, reported). It answers {@code DescribeDevices} with Offset/Limit paging
 * (never more than {@link #pageSize} devices per page, whatever the Limit, to force several pages) and
 * {@code DescribeDeviceShadow} with the shadow document as a JSON string in {@code Data}. Every request must be signed
 * with one of the known fake keys (checked by {@link Tc3Verifier}); every call is recorded.
 */
public final class FakeIotHub extends Dispatcher implements AutoCloseable {

    public static final String PRODUCT_ID = "P1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");

    /** A call the hub answered. */
    public record Call(String action, String secretId, Map<String, Object> request, long nanoTime) {

        String deviceName() {
            return (String) request.get("DeviceName");
        }
    }

    static final class Device {
        final String name;
        int online;
        Integer enableState = 1;
        Long shadowVersion = 1L; // null: no shadow
        final Map<String, Object> desired = new LinkedHashMap<>();
        final Map<String, Object> reported = new LinkedHashMap<>();

        Device(String name) {
            this.name = name;
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("DeviceName", name);
            info.put("Online", online);
            info.put("LoginTime", 1700000000);
            info.put("Version", "1.0.0");
            info.put("DeviceType", 0);
            info.put("CreateTime", 1690000000);
            info.put("EnableState", enableState);
            return info;
        }
    }

    private final Map<String, String> secrets;
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> signatureErrors = new CopyOnWriteArrayList<>();
    private final Map<Integer, Runnable> pageHooks = new java.util.concurrent.ConcurrentHashMap<>();
    private final MockWebServer server = new MockWebServer();
    volatile int pageSize = 2;

    /** @param secrets the accepted fake key pairs, SecretId to SecretKey */
    public FakeIotHub(Map<String, String> secrets) throws Exception {
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

    public synchronized Device add(String name, int online) {
        Device device = new Device(name);
        device.online = online;
        devices.put(name, device);
        return device;
    }

    synchronized void remove(String name) {
        devices.remove(name);
    }

    synchronized void online(String name, int online) {
        devices.get(name).online = online;
    }

    synchronized void enableState(String name, int enableState) {
        devices.get(name).enableState = enableState;
    }

    synchronized void noShadow(String name) {
        devices.get(name).shadowVersion = null;
    }

    /** Sets a desired value, as UpdateDeviceShadow does: a new version. */
    synchronized long desire(String name, String key, Object value) {
        Device device = devices.get(name);
        device.desired.put(key, value);
        return ++device.shadowVersion;
    }

    /** Sets a reported value, as the device does: a new version. */
    public synchronized long report(String name, String key, Object value) {
        Device device = devices.get(name);
        device.reported.put(key, value);
        return ++device.shadowVersion;
    }

    /** Runs the change once, just before the next DescribeDevices page at this offset is answered. */
    void beforePage(int offset, Runnable change) {
        pageHooks.put(offset, change);
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
        String action = request.getHeaders().get("X-TC-Action");
        String authorization = request.getHeaders().get("Authorization");
        Matcher credential = CREDENTIAL.matcher(authorization == null ? "" : authorization);
        String secretId = credential.find() ? credential.group(1) : null;
        try {
            if (secretId == null || !secrets.containsKey(secretId)) {
                throw new AssertionError("unknown SecretId " + secretId);
            }
            Tc3Verifier.assertSigned(request, "iotcloud", secretId, secrets.get(secretId));
        } catch (AssertionError e) {
            signatureErrors.add(e.getMessage());
            return error("AuthFailure.SignatureFailure", "signature");
        }
        Map<String, Object> body;
        try {
            body = MAPPER.readValue(request.getBody().utf8(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (Exception e) {
            return error("InvalidParameter", "not JSON");
        }
        calls.add(new Call(action, secretId, body, System.nanoTime()));
        synchronized (this) {
            if (!PRODUCT_ID.equals(body.get("ProductId"))) {
                return error("ResourceNotFound.ProductNotExist", "product not exists");
            }
            return switch (action) {
                case "DescribeDevices" -> describeDevices(body);
                case "DescribeDevice" -> describeDevice(body);
                case "DescribeDeviceShadow" -> describeDeviceShadow(body);
                default -> error("InvalidAction", action);
            };
        }
    }

    private MockResponse describeDevices(Map<String, Object> body) {
        int offset = ((Number) body.get("Offset")).intValue();
        Runnable hook = pageHooks.remove(offset);
        if (hook != null) {
            hook.run();
        }
        int limit = ((Number) body.get("Limit")).intValue();
        if (limit < 10 || limit > 250) {
            return error("InvalidParameterValue", "Limit must be 10-250");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        devices.values().forEach(device -> all.add(device.info()));
        List<Map<String, Object>> page = all.subList(Math.min(offset, all.size()),
                Math.min(all.size(), offset + Math.min(limit, pageSize)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("TotalCount", all.size());
        fields.put("Devices", page);
        return ok(fields);
    }

    private MockResponse describeDevice(Map<String, Object> body) {
        Device device = devices.get((String) body.get("DeviceName"));
        return device == null ? error("ResourceNotFound.DeviceNotExist", "device not exists") : ok(device.info());
    }

    private MockResponse describeDeviceShadow(Map<String, Object> body) {
        Device device = devices.get((String) body.get("DeviceName"));
        if (device == null) {
            return error("ResourceNotFound.ProductOrDeviceNotExist", "device not exists");
        }
        if (device.shadowVersion == null) {
            return error("ResourceNotFound.DeviceShadowNotExist", "shadow not exists");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("desired", device.desired);
        state.put("reported", device.reported);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", state);
        payload.put("metadata", Map.of());
        payload.put("timestamp", 1700000000000L + device.shadowVersion);
        payload.put("version", device.shadowVersion);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("payload", payload);
        document.put("result", 0);
        document.put("timestamp", 1700000000999L);
        document.put("type", "get");
        try {
            return ok(Map.of("Data", MAPPER.writeValueAsString(document)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse ok(Map<String, Object> fields) {
        Map<String, Object> response = new LinkedHashMap<>(fields);
        response.put("RequestId", "req-" + System.nanoTime());
        return json(Map.of("Response", response));
    }

    private static MockResponse error(String code, String message) {
        return json(Map.of("Response", Map.of("Error", Map.of("Code", code, "Message", message), "RequestId", "req-error")));
    }

    private static MockResponse json(Object value) {
        try {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(MAPPER.writeValueAsString(value)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
