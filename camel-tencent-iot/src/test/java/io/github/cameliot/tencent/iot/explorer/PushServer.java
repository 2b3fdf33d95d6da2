package io.github.cameliot.tencent.iot.explorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import io.github.cameliot.cloudapi.Json;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The long connection's server side, as the IoT Explorer documentation describes it, on a local MockWebServer: it
 * answers ActivePush with the device ids a script chooses, answers and records the heartbeats, sends scripted
 * DeviceChange pushes once a connection has registered, and can drop a connection.
 */
final class PushServer implements AutoCloseable {

    /** One request the server received: the connection (0, 1, ...) and the frame. */
    record Received(int connection, Map<String, Object> frame) {

        @SuppressWarnings("unchecked")
        Map<String, Object> params() {
            return (Map<String, Object>) frame.get("params");
        }
    }

    private final MockWebServer server = new MockWebServer();
    /** While true, the server answers the WebSocket handshake with 503. */
    volatile boolean down;
    final java.util.concurrent.atomic.AtomicInteger refusedUpgrades = new java.util.concurrent.atomic.AtomicInteger();
    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    final List<Received> registrations = new CopyOnWriteArrayList<>();
    final List<Received> heartbeats = new CopyOnWriteArrayList<>();
    final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    /** Which of the requested ids a connection registers: all of them unless a test says otherwise. */
    volatile BiFunction<Integer, List<String>, List<String>> registered = (connection, requested) -> requested;
    /** The data of a heartbeat's reply, given the connection and the heartbeat's RequestId; null: no reply. */
    volatile BiFunction<Integer, String, Map<String, Object>> heartbeatData
            = (connection, requestId) -> Map.of("Response", Map.of("RequestId", requestId));
    /** The push frames sent to a connection once it has registered. */
    volatile BiFunction<Integer, List<String>, List<String>> pushes = (connection, registeredIds) -> List.of();

    PushServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (down) {
                    refusedUpgrades.incrementAndGet();
                    return new MockResponse.Builder().code(503).body("down for maintenance").build();
                }
                return new MockResponse.Builder().webSocketUpgrade(new Connection()).build();
            }
        });
        server.start();
    }

    String url() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/iotstudio_v2_weapp_1";
    }

    int connections() {
        return sockets.size();
    }

    List<Received> heartbeatsOf(int connection) {
        return heartbeats.stream().filter(heartbeat -> heartbeat.connection() == connection).toList();
    }

    /** Ends a connection from the server's side, as a restarting server would ("going away"). */
    void drop(int connection) {
        sockets.get(connection).close(1001, "going away");
    }

    @Override
    public void close() {
        sockets.forEach(socket -> socket.close(1001, null));
        server.close();
    }

    static String deviceChange(String type, String subType, String deviceId, String topic, String payload, long seq) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Time", "2023-07-13T15:00:11+08:00");
        params.put("Type", type);
        params.put("SubType", subType);
        params.put("Topic", topic);
        params.put("Payload", payload);
        params.put("Seq", seq);
        params.put("DeviceId", deviceId);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("action", "DeviceChange");
        frame.put("params", params);
        frame.put("push", true);
        return Json.writeString(frame);
    }

    private final class Connection extends WebSocketListener {

        private int index = -1;

        @Override
        public synchronized void onOpen(WebSocket webSocket, Response response) {
            synchronized (sockets) {
                index = sockets.size();
                sockets.add(webSocket);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onMessage(WebSocket webSocket, String text) {
            int connection;
            synchronized (this) {
                connection = index;
            }
            Map<String, Object> frame = Json.readMap(text);
            Received received = new Received(connection, frame);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("error", "");
            reply.put("error_message", "");
            if ("ActivePush".equals(frame.get("action"))) {
                registrations.add(received);
                List<String> requested = (List<String>) received.params().get("DeviceIds");
                List<String> ids = new ArrayList<>(registered.apply(connection, requested));
                reply.put("data", Map.of("deviceIds", ids));
                reply.put("reqId", frame.get("reqId"));
                webSocket.send(Json.writeString(reply));
                pushes.apply(connection, ids).forEach(webSocket::send);
            } else if ("YunApi".equals(frame.get("action"))) {
                heartbeats.add(received);
                String requestId = String.valueOf(received.params().get("RequestId"));
                Map<String, Object> data = heartbeatData.apply(connection, requestId);
                if (data == null) {
                    // a server that no longer answers
                    return;
                }
                reply.put("data", data);
                reply.put("reqId", frame.get("reqId"));
                webSocket.send(Json.writeString(reply));
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closeCodes.add(code);
            webSocket.close(code, null);
        }
    }
}
