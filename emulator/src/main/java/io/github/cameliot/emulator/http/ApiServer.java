package io.github.cameliot.emulator.http;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated cloud API on a loopback port of its own: every request goes through the switchable
 * {@link Faults}, is read and authenticated by the API's {@link WireProtocol}, counted against the action's
 * {@link Quotas}, checked for the action's required parameters, and carried out by the action's handler, or
 * answered with the document's example when the emulator keeps no state for the action.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final String name;
    private final Vertx vertx;
    private final WireProtocol protocol;
    private final ActionBook book;
    private final Quotas quotas;
    private final Faults faults = new Faults();
    private final Map<String, ActionHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Function<ApiRequest, ApiResponse>> paths = new ConcurrentHashMap<>();
    private volatile ActionHandler examples;
    private volatile Handler<ServerWebSocket> webSockets;
    private HttpServer server;

    /**
     * @param examples answers the actions without a handler of their own, usually from the book's example
     *                 responses
     */
    public ApiServer(String name, Vertx vertx, WireProtocol protocol, ActionBook book, ActionHandler examples) {
        this.name = name;
        this.vertx = vertx;
        this.protocol = protocol;
        this.book = book;
        this.quotas = new Quotas(book, System::currentTimeMillis);
        this.examples = examples;
    }

    /** Carries the action out with a handler that keeps state, instead of answering the example. */
    public ApiServer handle(String action, ActionHandler handler) {
        handlers.put(action, handler);
        return this;
    }

    /** Serves a path outside the API (a forwarding target, a token page) with a plain handler. */
    public ApiServer path(String path, Function<ApiRequest, ApiResponse> handler) {
        paths.put(path, handler);
        return this;
    }

    /** Accepts WebSocket connections (IoT Explorer's long connection). */
    public ApiServer webSockets(Handler<ServerWebSocket> handler) {
        this.webSockets = handler;
        return this;
    }

    public ApiServer start() {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setMaxWebSocketFrameSize(1 << 20);
        server = vertx.createHttpServer(options)
                .requestHandler(this::onRequest)
                .webSocketHandler(socket -> {
                    Handler<ServerWebSocket> handler = webSockets;
                    if (handler == null) {
                        socket.reject(404);
                    } else {
                        handler.handle(socket);
                    }
                });
        server.listen().toCompletionStage().toCompletableFuture().join();
        LOG.info("Emulated {} API listening on {}", name, url());
        return this;
    }

    /** The base URL of the API, for the components' endpoint options. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.actualPort();
    }

    public Faults faults() {
        return faults;
    }

    public Quotas quotas() {
        return quotas;
    }

    public ActionBook book() {
        return book;
    }

    public WireProtocol protocol() {
        return protocol;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void onRequest(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Faults.Fault fault = faults.next();
            long delay = faults.latency().toMillis();
            if (delay > 0) {
                vertx.setTimer(delay, timer -> answer(request, body, fault));
            } else {
                answer(request, body, fault);
            }
        });
    }

    private void answer(HttpServerRequest request, Buffer body, Faults.Fault fault) {
        if (fault == Faults.Fault.DROP_CONNECTION) {
            request.connection().close();
            return;
        }
        ApiRequest apiRequest = apiRequest(request, body);
        Future<ApiResponse> response = vertx.executeBlocking(() -> process(apiRequest, fault), false);
        response.onComplete(done -> {
            ApiResponse answer = done.succeeded() ? done.result() : unexpected(done.cause());
            request.response().setStatusCode(answer.status())
                    .putHeader("Content-Type", answer.contentType())
                    .end(Buffer.buffer(answer.body()));
        });
    }

    private ApiResponse process(ApiRequest request, Faults.Fault fault) {
        Function<ApiRequest, ApiResponse> plain = paths.get(request.path());
        if (plain != null) {
            return plain.apply(request);
        }
        if (fault == Faults.Fault.SERVER_ERROR) {
            ApiError internal = protocol.internalError();
            return protocol.failure(null, new ApiError(internal.code(), internal.getMessage(), 503));
        }
        ApiCall call = null;
        try {
            call = protocol.read(request);
            ApiResponse response = protocol.success(call, carryOut(call));
            LOG.debug("{} {} answered", name, call.action());
            return response;
        } catch (ApiError error) {
            LOG.debug("{} {} refused: {}", name, call == null ? "request" : call.action(), error.code());
            return protocol.failure(call, error);
        }
    }

    private ObjectNode carryOut(ApiCall call) {
        ActionHandler handler = handlers.get(call.action());
        if (handler == null && !book.has(call.action())) {
            throw protocol.unknownAction(call.action());
        }
        if (!quotas.admit(call.principal(), call.action())) {
            throw protocol.throttled(call.action());
        }
        if (book.has(call.action())) {
            for (String parameter : book.required(call.action())) {
                call.required(parameter, protocol.missingParameterCode());
            }
        }
        return (handler != null ? handler : examples).handle(call);
    }

    private ApiResponse unexpected(Throwable cause) {
        LOG.warn("{}: an emulated action failed", name, cause);
        return protocol.failure(null, protocol.internalError());
    }

    private static ApiRequest apiRequest(HttpServerRequest request, Buffer body) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 carries the host as the :authority pseudo-header, which signatures cover as "host"
            headers.put("host", request.authority().toString());
        }
        String query = request.query();
        return new ApiRequest(request.method().name(), request.path(), query == null ? "" : query, headers,
                body.getBytes());
    }

    /** A fresh request id, in the clouds' UUID form. */
    public static String requestId() {
        return UUID.randomUUID().toString();
    }
}
