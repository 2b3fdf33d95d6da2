package io.github.cameliot.tencent.trocket;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.test.NoDelayServerSocketFactory;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer playing the trocket management API of one MQTT instance, answering its MQTT lookups in Tencent's
 * JSON shape ({@code {"Response": {...}}}): the public endpoints point at the embedded broker, the VPC endpoint at a
 * port nothing listens on, and the users are the broker's. Every request must be TC3-signed for {@code trocket} with
 * the test key, checked by {@link Tc3Verifier}.
 */
public final class FakeMqttInstanceApi extends Dispatcher implements AutoCloseable {

    public static final String SECRET_ID = "AKIDtrocketmqtt000001";
    public static final String SECRET_KEY = "trocket-mqtt-api-key-must-not-leak";
    public static final String INSTANCE_ID = "mqtt-test01ab";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One API call, as the server received it. */
    public record Call(String action, Map<String, Object> parameters) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> signatureErrors = new CopyOnWriteArrayList<>();
    private final int brokerPort;
    private final int deadPort;

    public FakeMqttInstanceApi(int brokerPort, int deadPort) throws Exception {
        this.brokerPort = brokerPort;
        this.deadPort = deadPort;
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> signatureErrors() {
        return List.copyOf(signatureErrors);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            Tc3Verifier.assertSigned(request, "trocket", SECRET_ID, SECRET_KEY);
        } catch (AssertionError e) {
            signatureErrors.add(e.getMessage());
            return error("AuthFailure.SignatureFailure", "The provided credentials could not be validated.");
        }
        String action = request.getHeaders().get("X-TC-Action");
        Map<String, Object> parameters;
        try {
            parameters = MAPPER.readValue(request.getBody().utf8(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (Exception e) {
            return error("InvalidParameter", "not JSON");
        }
        calls.add(new Call(action, parameters));
        if (!INSTANCE_ID.equals(parameters.get("InstanceId"))) {
            return error("ResourceNotFound.Instance", "instance not found");
        }
        return switch (action) {
            case "DescribeMQTTInsPublicEndpoints" -> ok(Map.of(
                    "InstanceId", INSTANCE_ID,
                    "Bandwidth", 2,
                    "Status", "NORMAL",
                    "Rules", List.of(Map.of("IpRule", "0.0.0.0/0", "Allow", true, "Remark", "all")),
                    "Endpoints", List.of(
                            endpoint("mqtt-ws", "127.0.0.1", deadPort),
                            endpoint("mqtt-tcp", "127.0.0.1", brokerPort))));
            case "DescribeMQTTInsVPCEndpoints" -> ok(Map.of(
                    "Endpoints", List.of(endpoint("mqtt-tcp", "127.0.0.1", deadPort))));
            case "DescribeMQTTUserList" -> ok(Map.of(
                    "TotalCount", 3,
                    "Data", List.of(
                            user("writer", false, true),
                            user("reader", true, false),
                            user("responder", true, true))));
            default -> error("InvalidAction", "The action " + action + " is not supported by this test");
        };
    }

    private static Map<String, Object> endpoint(String type, String host, int port) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("Type", type);
        endpoint.put("Url", host + ":" + port);
        endpoint.put("VpcId", null);
        endpoint.put("SubnetId", null);
        endpoint.put("Host", host);
        endpoint.put("Port", port);
        endpoint.put("Ip", host);
        return endpoint;
    }

    private static Map<String, Object> user(String username, boolean read, boolean write) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Remark", "test user");
        user.put("Username", username);
        user.put("Password", HiveMqTestBroker.USERS.get(username));
        user.put("PermRead", read);
        user.put("PermWrite", write);
        user.put("CreatedTime", 1705392159000L);
        user.put("ModifiedTime", 1705392159000L);
        return user;
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
