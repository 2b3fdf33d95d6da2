package io.github.cameliot.tencent.iot.explorer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.FieldPath;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.http.HttpClients;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives device changes over IoT Explorer's long connection (长连接通信), a WebSocket of text JSON frames.
 * <p>
 * <b>Protocol.</b> Requests are {@code {"action", "reqId", "params"}} and their replies
 * {@code {"reqId", "error", "error_message", "data"}}; pushes carry {@code "push": true} and no reqId. Once the socket
 * is open the consumer registers the devices ({@code ActivePush} with DeviceIds, AccessToken and AppKey) and checks
 * the reply's {@code data.deviceIds}: the service reports a failed registration only by leaving devices out (its
 * {@code error} stays empty), so missing devices are logged, and a registration of none counts as a failure. It then
 * sends the heartbeat ({@code YunApi} wrapping {@code AppDeviceTraceHeartBeat}) at once and every
 * {@code heartbeatInterval}, with AccessToken and RequestId both in {@code params} and in {@code ActionParams} (the
 * documentation's structure and its example disagree) and the AppKey. Each {@code DeviceChange} push becomes one
 * exchange whose body is the Base64 payload decoded.
 * <p>
 * <b>Failures.</b> A lost or failed connection, a registration of no device, or a heartbeat still unanswered when the
 * next is due, closes the connection; the consumer connects again after a delay that doubles from
 * {@code reconnectInitialDelay} up to {@code reconnectMaxDelay}, asks the endpoint for the access token again and
 * registers again. When a reply says the access token is invalid ({@code InvalidAccessToken}) the endpoint is told to
 * forget it first, so the next attempt logs in again. The log never shows the token, the AppSecret, or the frames
 * sent (they carry the token).
 * <p>
 * <b>Order and stop.</b> Pushes go to the route one at a time, in the order received (the next frame is read once
 * the route has taken the previous one; an asynchronous route may run several at once). Stop cancels the heartbeat and
 * any pending attempt, closes the socket with code 1000 and waits briefly for the exchanges in flight. Nothing is
 * acknowledged to the service: a push lost with its connection is not sent again.
 */
public class TencentIotExplorerPushConsumer extends DefaultConsumer {

    static final String ACTIVE_PUSH = "ActivePush";
    static final String YUN_API = "YunApi";
    static final String HEARTBEAT_ACTION = "AppDeviceTraceHeartBeat";
    static final String DEVICE_CHANGE = "DeviceChange";
    static final String INVALID_ACCESS_TOKEN = "InvalidAccessToken";
    static final int NORMAL_CLOSURE = 1000;
    /** How long stop waits for the exchanges in flight. */
    static final long STOP_WAIT_MILLIS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(TencentIotExplorerPushConsumer.class);

    private final Object lock = new Object();
    private final Object idle = new Object();
    // guarded by lock
    private boolean running;
    private Session session;
    private ScheduledFuture<?> attempt;
    private int failures;
    private long generation;
    // guarded by idle
    private int inFlight;

    private List<String> deviceIds;
    private String address;
    private OkHttpClient http;
    private ScheduledExecutorService scheduler;

    public TencentIotExplorerPushConsumer(TencentIotExplorerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TencentIotExplorerEndpoint getEndpoint() {
        return (TencentIotExplorerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TencentIotExplorerConfiguration configuration = getEndpoint().getConfiguration();
        deviceIds = TencentIotExplorerPushFrames.validate(configuration);
        HttpUrl url = TencentIotExplorerPushFrames.httpUrl(configuration.getPushUrl());
        // scheme, host and path only: a query could carry something that is not for the log
        address = (url.isHttps() ? "wss" : "ws") + "://" + url.host()
                  + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port()) + url.encodedPath();
        TencentIotExplorerComponent component = getEndpoint().getComponent();
        http = HttpClients.derive(component.getSharedHttpClient(), configuration.httpOptions());
        scheduler = component.getScheduler();
        synchronized (lock) {
            running = true;
            generation++;
            failures = 0;
            schedule(0);
        }
    }

    @Override
    protected void doStop() throws Exception {
        Session closing;
        synchronized (lock) {
            running = false;
            generation++;
            if (attempt != null) {
                attempt.cancel(false);
                attempt = null;
            }
            closing = session;
            session = null;
        }
        if (closing != null) {
            closing.close(NORMAL_CLOSURE, "consumer stopped");
            LOG.info("tencent-iot-explorer push: connection to {} closed", address);
        }
        if (!awaitIdle(STOP_WAIT_MILLIS)) {
            LOG.warn("tencent-iot-explorer push: {} exchanges still in flight after {} ms", inFlight(), STOP_WAIT_MILLIS);
        }
        super.doStop();
    }



    /** Whether a session is open and has registered at least one device. */
    boolean isRegistered() {
        synchronized (lock) {
            return session != null && session.registered;
        }
    }

    int inFlight() {
        synchronized (idle) {
            return inFlight;
        }
    }

    private boolean awaitIdle(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (idle) {
            try {
                while (inFlight > 0) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    idle.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inFlight == 0;
            }
            return true;
        }
    }

    /** Schedules a connection attempt unless one is pending or a session is current. Holds the lock. */
    private void schedule(long delayMillis) {
        if (running && attempt == null && session == null && !scheduler.isShutdown()) {
            long opened = generation;
            attempt = scheduler.schedule(() -> connect(opened), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for the access token, then opens the socket with it. */
    private void connect(long opened) {
        synchronized (lock) {
            attempt = null;
            if (!running || generation != opened || session != null) {
                return;
            }
        }
        CompletableFuture<String> token;
        try {
            token = getEndpoint().accessToken();
        } catch (RuntimeException e) {
            token = CompletableFuture.failedFuture(e);
        }
        token.whenComplete((accessToken, failure) -> {
            if (failure != null || accessToken == null || accessToken.isEmpty()) {
                String why = failure != null ? Futures.describe(failure) : "no access token";
                synchronized (lock) {
                    if (running && generation == opened && session == null) {
                        retry("could not get the access token: " + why);
                    }
                }
                return;
            }
            open(opened, accessToken);
        });
    }

    private void open(long opened, String accessToken) {
        synchronized (lock) {
            if (!running || generation != opened || session != null) {
                return;
            }
            Session created = new Session(accessToken);
            session = created;
            Request request = new Request.Builder().url(getEndpoint().getConfiguration().getPushUrl()).build();
            created.socket = http.newWebSocket(request, created);
        }
    }

    /** Schedules the next attempt after a failure, with backoff. Holds the lock. */
    private void retry(String why) {
        long delay = backoff(++failures);
        LOG.warn("tencent-iot-explorer push: connection to {} failed (attempt {}): {}; connecting again in {} ms", address,
                failures, why, delay);
        schedule(delay);
    }

    private long backoff(int attempts) {
        TencentIotExplorerConfiguration configuration = getEndpoint().getConfiguration();
        long initial = configuration.getReconnectInitialDelay();
        long max = configuration.getReconnectMaxDelay();
        long delay = initial << Math.min(attempts - 1, 20);
        delay = delay <= 0 || delay > max ? max : delay;
        // up to a fifth less, so that several consumers do not all come back at once
        return delay - (long) (delay * 0.2 * ThreadLocalRandom.current().nextDouble());
    }

    /** Hands one DeviceChange push to the route. */
    private void deliver(Map<String, Object> params) {
        Exchange exchange = createExchange(false);
        try {
            TencentIotExplorerPushFrames.populate(exchange.getMessage(), params);
        } catch (RuntimeException e) {
            exchange.setException(e);
            getExceptionHandler().handleException("Failed to read a DeviceChange push of " + params.get("DeviceId"),
                    exchange, e);
            releaseExchange(exchange, false);
            return;
        }
        synchronized (idle) {
            inFlight++;
        }
        try {
            getAsyncProcessor().process(exchange, doneSync -> done(exchange));
        } catch (Throwable e) {
            // the processor breaks its contract; the callback was not called
            exchange.setException(e);
            done(exchange);
        }
    }

    private void done(Exchange exchange) {
        try {
            if (exchange.getException() != null) {
                Message in = exchange.getMessage();
                getExceptionHandler().handleException("Failed to process the " + in.getHeader(
                        TencentIotExplorerConstants.PUSH_TYPE) + " push " + in.getHeader(TencentIotExplorerConstants.SEQ)
                                                      + " of " + in.getHeader(TencentIotExplorerConstants.DEVICE_ID),
                        exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
            synchronized (idle) {
                inFlight--;
                idle.notifyAll();
            }
        }
    }









    /** One WebSocket connection, from its opening to its loss, with the token it registered with. */
    final class Session extends WebSocketListener {

        private final String accessToken;
        private final String registrationId = "ap-" + UUID.randomUUID();
        private volatile WebSocket socket;
        // guarded by lock
        boolean registered;
        private ScheduledFuture<?> heartbeat;
        private ScheduledFuture<?> registration;
        private String pendingHeartbeat;
        private boolean over;

        Session(String accessToken) {
            this.accessToken = accessToken;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            if (!isCurrent()) {
                // stopped, or given up, while the handshake was on its way
                webSocket.close(NORMAL_CLOSURE, null);
                return;
            }
            long deadline = getEndpoint().getConfiguration().getReadTimeout();
            if (deadline > 0) {
                synchronized (lock) {
                    if (session == this && !over) {
                        registration = scheduler.schedule(this::registrationOverdue, deadline, TimeUnit.MILLISECONDS);
                    }
                }
            }
            TencentIotExplorerConfiguration configuration = getEndpoint().getConfiguration();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("DeviceIds", deviceIds);
            params.put("AccessToken", accessToken);
            TencentIotExplorerPushFrames.putAppKey(params, configuration);
            LOG.debug("tencent-iot-explorer push: connected to {}, registering {} devices", address, deviceIds.size());
            send(TencentIotExplorerPushFrames.request(ACTIVE_PUSH, registrationId, params));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!isCurrent()) {
                return;
            }
            Map<String, Object> frame;
            try {
                frame = Json.readMap(text);
            } catch (IllegalArgumentException e) {
                LOG.warn("tencent-iot-explorer push: ignoring a frame that is not a JSON object ({} characters)",
                        text.length());
                return;
            }
            if (Boolean.TRUE.equals(frame.get("push"))) {
                onPush(frame);
                return;
            }
            Object reqId = frame.get("reqId");
            if (registrationId.equals(reqId)) {
                onRegistration(frame);
            } else if (reqId != null && isPendingHeartbeat(String.valueOf(reqId))) {
                onHeartbeatReply(frame);
            } else {
                LOG.debug("tencent-iot-explorer push: ignoring a reply to no pending request ({})", reqId);
            }
        }

        private void onPush(Map<String, Object> frame) {
            if (!DEVICE_CHANGE.equals(frame.get("action"))) {
                LOG.debug("tencent-iot-explorer push: ignoring a push of action {}", frame.get("action"));
                return;
            }
            if (!(frame.get("params") instanceof Map<?, ?> raw)) {
                LOG.warn("tencent-iot-explorer push: ignoring a DeviceChange push without params");
                return;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            raw.forEach((key, value) -> params.put(String.valueOf(key), value));
            deliver(params);
        }

        private void registrationOverdue() {
            boolean overdue;
            synchronized (lock) {
                overdue = session == this && !over && !registered;
            }
            if (overdue) {
                fail("the registration (ActivePush) was not answered within readTimeout ("
                     + getEndpoint().getConfiguration().getReadTimeout() + " ms)", false);
            }
        }

        private void onRegistration(Map<String, Object> reply) {
            synchronized (lock) {
                if (registration != null) {
                    registration.cancel(false);
                    registration = null;
                }
            }
            Object listed = FieldPath.get(reply, "data.deviceIds");
            Set<String> registered = new LinkedHashSet<>();
            if (listed instanceof List<?> list) {
                list.forEach(id -> registered.add(String.valueOf(id)));
            }
            List<String> missing = new ArrayList<>();
            for (String id : deviceIds) {
                if (!registered.contains(id)) {
                    missing.add(id);
                }
            }
            if (TencentIotExplorerPushFrames.tokenInvalid(reply)) {
                fail("the registration (ActivePush) was refused: the access token is invalid; logging in again", true);
                return;
            }
            String error = TencentIotExplorerPushFrames.text(reply.get("error"));
            if (missing.size() == deviceIds.size()) {
                fail("the registration (ActivePush) registered none of the " + deviceIds.size() + " devices"
                     + (error == null || error.isEmpty()
                             ? " (they are not bound to or shared with the user, or the token was not accepted)"
                             : " (error " + error + ": " + reply.get("error_message") + ")"),
                        false);
                return;
            }
            if (!missing.isEmpty()) {
                LOG.warn("tencent-iot-explorer push: {} of {} devices were not registered, so no change of theirs "
                         + "arrives (not bound to or shared with the user?): {}",
                        missing.size(), deviceIds.size(), String.join(", ", missing));
            }
            long interval = getEndpoint().getConfiguration().getHeartbeatInterval();
            synchronized (lock) {
                if (session != this || over) {
                    return;
                }
                this.registered = true;
                failures = 0;
                heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
            }
            LOG.info("tencent-iot-explorer push: connected to {}, receiving the changes of {} devices", address,
                    deviceIds.size() - missing.size());
        }

        private void heartbeat() {
            String requestId;
            synchronized (lock) {
                if (session != this || over) {
                    return;
                }
                if (pendingHeartbeat != null) {
                    requestId = null;
                } else {
                    requestId = "hb-" + UUID.randomUUID();
                    pendingHeartbeat = requestId;
                }
            }
            if (requestId == null) {
                fail("the heartbeat was not answered within heartbeatInterval ("
                     + getEndpoint().getConfiguration().getHeartbeatInterval() + " ms)", false);
                return;
            }
            Map<String, Object> actionParams = new LinkedHashMap<>();
            actionParams.put("DeviceIds", deviceIds);
            actionParams.put("AccessToken", accessToken);
            actionParams.put("RequestId", requestId);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("Action", HEARTBEAT_ACTION);
            params.put("AccessToken", accessToken);
            params.put("RequestId", requestId);
            TencentIotExplorerPushFrames.putAppKey(params, getEndpoint().getConfiguration());
            params.put("ActionParams", actionParams);
            send(TencentIotExplorerPushFrames.request(YUN_API, requestId, params));
        }

        private boolean isPendingHeartbeat(String reqId) {
            synchronized (lock) {
                return reqId.equals(pendingHeartbeat);
            }
        }

        private void onHeartbeatReply(Map<String, Object> reply) {
            synchronized (lock) {
                pendingHeartbeat = null;
            }
            if (TencentIotExplorerPushFrames.tokenInvalid(reply)) {
                fail("the heartbeat was refused: the access token is invalid; logging in again", true);
                return;
            }
            String error = TencentIotExplorerPushFrames.text(reply.get("error"));
            String code = TencentIotExplorerPushFrames.errorCode(reply);
            if (error != null && !error.isEmpty()) {
                LOG.warn("tencent-iot-explorer push: the heartbeat failed: error {}: {}", error, reply.get("error_message"));
            } else if (code != null) {
                Object message = FieldPath.get(reply, "data.Response.Error.Message");
                LOG.warn("tencent-iot-explorer push: the heartbeat failed: {}: {}", code, message);
            }
        }

        private void send(Map<String, Object> request) {
            // the frame carries the access token: never logged
            if (!socket.send(Json.writeString(request))) {
                LOG.debug("tencent-iot-explorer push: could not send {}: the connection is closing", request.get("action"));
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(NORMAL_CLOSURE, null);
            fail("the service closed the connection (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason)
                 + ")", false);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            fail("the connection was closed (" + code + ")", false);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String status = response == null ? "" : " (HTTP " + response.code() + ")";
            fail(Futures.describe(t) + status, false);
        }

        private boolean isCurrent() {
            synchronized (lock) {
                return session == this && !over;
            }
        }

        /** Ends this session, if it is still the current one, and schedules the next attempt. */
        private void fail(String why, boolean tokenRejected) {
            synchronized (lock) {
                if (over) {
                    return;
                }
                over = true;
                cancelHeartbeat();
                if (session != this) {
                    return;
                }
                session = null;
            }
            if (tokenRejected) {
                // before the next attempt asks for a token
                getEndpoint().tokenRejected(accessToken);
            }
            synchronized (lock) {
                if (running) {
                    retry(why);
                }
            }
            WebSocket current = socket;
            if (current != null && !current.close(NORMAL_CLOSURE, null)) {
                current.cancel();
            }
        }

        /** Closes the socket as the consumer stops. */
        void close(int code, String reason) {
            synchronized (lock) {
                over = true;
                cancelHeartbeat();
            }
            WebSocket current = socket;
            if (current != null && !current.close(code, reason)) {
                current.cancel();
            }
        }

        private void cancelHeartbeat() {
            if (registration != null) {
                registration.cancel(false);
                registration = null;
            }
            if (heartbeat != null) {
                heartbeat.cancel(false);
                heartbeat = null;
            }
        }
    }


}
