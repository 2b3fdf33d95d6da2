package io.github.cameliot.emulator.tencent.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IoT Explorer's long connection (长连接通信) at {@code /iotstudio_v2_weapp_1}: JSON text frames
 * {@code {"action", "reqId", "params"}} answered {@code {"error", "error_message", "data", "reqId"}}.
 * {@code ActivePush} registers the devices of the request that the token's user can use and answers them in
 * {@code data.deviceIds} (the others are left out, which is how the service reports them); the {@code YunApi}
 * heartbeat ({@code AppDeviceTraceHeartBeat}) is answered {@code data.Response.RequestId}, or with
 * {@code InvalidParameterValue.InvalidAccessToken} in {@code data.Response.Error} once the token is no longer valid;
 * every change of a registered device is pushed as {@code {"action": "DeviceChange", "params": {...}, "push": true}}.
 * <p>
 * For reliability tests it can refuse new connections, leave heartbeats unanswered and drop the open connections;
 * and it records the frames it received, so that a test sees what a client sent.
 */
public final class LongConnection implements Handler<ServerWebSocket> {

    /** The documented path of the long connection. */
    public static final String PATH = "/iotstudio_v2_weapp_1";
    static final String HEARTBEAT = "AppDeviceTraceHeartBeat";

    private static final Logger LOG = LoggerFactory.getLogger(LongConnection.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A frame a client sent, and on which connection (0 for the first since the start or reset, 1, ...). */
    public record Frame(int connection, JsonNode frame) {

        public String action() {
            return frame.path("action").asText();
        }

        public JsonNode params() {
            return frame.path("params");
        }
    }

    private final Sessions sessions;
    private final Families families;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<Short> closeCodes = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    /** Notified whenever a connection registers devices. */
    private final Object registrations = new Object();
    private volatile boolean refuseConnections;
    private volatile boolean answerHeartbeats = true;

    LongConnection(Sessions sessions, Families families, Devices devices) {
        this.sessions = sessions;
        this.families = families;
        devices.listen(this::push);
    }

    /** While true, WebSocket handshakes are refused with HTTP 503, as by a service that is down. */
    public LongConnection refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
        return this;
    }

    /** While false, heartbeats are received but not answered, as by a service that no longer responds. */
    public LongConnection answerHeartbeats(boolean answer) {
        this.answerHeartbeats = answer;
        return this;
    }

    /** Closes every open connection from the service's side ("going away"). */
    public LongConnection dropConnections() {
        connections.stream().filter(connection -> !connection.socket.isClosed())
                .forEach(connection -> connection.socket.close((short) 1001, "going away"));
        return this;
    }

    /** The connections accepted since the start or reset, open or closed. */
    public int connections() {
        return connections.size();
    }

    /** The connections open now. */
    public int openConnections() {
        return (int) connections.stream().filter(connection -> !connection.socket.isClosed()).count();
    }

    /** The handshakes refused while {@link #refuseConnections(boolean)} was on. */
    public int refusedConnections() {
        return refused.get();
    }

    /** Every frame the clients sent, in order. */
    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** The frames of one action ({@code ActivePush}, {@code YunApi}). */
    public List<Frame> frames(String action) {
        return frames.stream().filter(frame -> action.equals(frame.action())).toList();
    }

    /**
     * Waits until an open connection has registered the device, so that a test changes the device only once the
     * change will be pushed.
     *
     * @return whether it was registered within the timeout
     */
    public boolean awaitRegistered(String deviceId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (registrations) {
            while (connections.stream().noneMatch(connection -> connection.receives(deviceId))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                registrations.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** The close codes the clients sent when they closed a connection. */
    public List<Short> closeCodes() {
        return List.copyOf(closeCodes);
    }

    @Override
    public void handle(ServerWebSocket socket) {
        if (!PATH.equals(socket.path())) {
            socket.reject(404);
            return;
        }
        if (refuseConnections) {
            refused.incrementAndGet();
            socket.reject(503);
            return;
        }
        Connection connection;
        synchronized (connections) {
            connection = new Connection(connections.size(), socket);
            connections.add(connection);
        }
        socket.textMessageHandler(connection::onFrame);
        socket.closeHandler(closed -> {
            Short code = socket.closeStatusCode();
            if (code != null) {
                closeCodes.add(code);
            }
        });
    }

    void reset() {
        refuseConnections = false;
        answerHeartbeats = true;
        dropConnections();
        connections.clear();
        frames.clear();
        closeCodes.clear();
        refused.set(0);
    }

    private void push(DeviceChange change) {
        ObjectNode params = MAPPER.createObjectNode().put("Time", change.time().toString())
                .put("Type", change.type()).put("SubType", change.subType()).put("Topic", change.topic())
                .put("Payload", Base64.getEncoder().encodeToString(change.payload())).put("Seq", change.seq())
                .put("DeviceId", change.deviceId());
        ObjectNode frame = MAPPER.createObjectNode().put("action", "DeviceChange");
        frame.set("params", params);
        frame.put("push", true);
        String text = frame.toString();
        for (Connection connection : connections) {
            if (connection.receives(change.deviceId())) {
                connection.socket.writeTextMessage(text);
            }
        }
    }

    /** One client's connection: whose it is and which devices it registered. */
    private final class Connection {

        final int index;
        final ServerWebSocket socket;
        final Set<String> registered = new LinkedHashSet<>();
        String userId;

        Connection(int index, ServerWebSocket socket) {
            this.index = index;
            this.socket = socket;
        }

        synchronized boolean receives(String deviceId) {
            return !socket.isClosed() && registered.contains(deviceId) && sessions.userById(userId) != null
                   && families.canUse(userId, deviceId);
        }

        void onFrame(String text) {
            JsonNode frame;
            try {
                frame = MAPPER.readTree(text);
            } catch (Exception e) {
                LOG.debug("Long connection: a frame that is not JSON");
                return;
            }
            frames.add(new Frame(index, frame));
            JsonNode params = frame.path("params");
            switch (frame.path("action").asText()) {
                case "ActivePush" -> reply(frame, activePush(params));
                case "YunApi" -> {
                    if (answerHeartbeats) {
                        reply(frame, yunApi(params));
                    }
                }
                default -> {
                    ObjectNode reply = MAPPER.createObjectNode().put("error", "-1")
                            .put("error_message", "后台连接出错，请联系管理员");
                    reply.putObject("data");
                    socket.writeTextMessage(reply.put("reqId", frame.path("reqId").asText()).toString());
                }
            }
        }

        private ObjectNode activePush(JsonNode params) {
            ObjectNode data = MAPPER.createObjectNode();
            List<String> accepted = new ArrayList<>();
            String user = sessions.user(params.path("AccessToken").asText(null));
            if (user == null) {
                invalidToken(data.putObject("Response"), params.path("RequestId").asText(""));
            } else {
                for (JsonNode id : params.path("DeviceIds")) {
                    if (families.canUse(user, id.asText())) {
                        accepted.add(id.asText());
                    }
                }
                synchronized (this) {
                    userId = user;
                    registered.addAll(accepted);
                }
                synchronized (registrations) {
                    registrations.notifyAll();
                }
            }
            data.set("deviceIds", MAPPER.valueToTree(accepted));
            return data;
        }

        private ObjectNode yunApi(JsonNode params) {
            JsonNode inner = params.path("ActionParams");
            String token = params.path("AccessToken").asText(inner.path("AccessToken").asText(null));
            String requestId = params.path("RequestId").asText(inner.path("RequestId").asText(""));
            ObjectNode data = MAPPER.createObjectNode();
            ObjectNode response = data.putObject("Response");
            String user = sessions.user(token);
            if (user == null) {
                invalidToken(response, requestId);
            } else if (!HEARTBEAT.equals(params.path("Action").asText())) {
                response.putObject("Error").put("Code", "InvalidAction").put("Message", "Action 非法。");
                response.put("RequestId", requestId);
            } else {
                synchronized (this) {
                    userId = user;
                    inner.path("DeviceIds").forEach(id -> {
                        if (families.canUse(user, id.asText())) {
                            registered.add(id.asText());
                        }
                    });
                }
                response.put("RequestId", requestId);
            }
            return data;
        }

        private void invalidToken(ObjectNode response, String requestId) {
            response.putObject("Error").put("Code", ExplorerWireProtocol.INVALID_ACCESS_TOKEN).put("Message", "Token无效");
            response.put("RequestId", requestId);
        }

        private void reply(JsonNode request, ObjectNode data) {
            ObjectNode reply = MAPPER.createObjectNode().put("error", "").put("error_message", "");
            reply.set("data", data);
            reply.put("reqId", request.path("reqId").asText());
            socket.writeTextMessage(reply.toString());
        }
    }
}
