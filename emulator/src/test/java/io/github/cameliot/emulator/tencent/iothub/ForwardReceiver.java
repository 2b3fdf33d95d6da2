package io.github.cameliot.emulator.tencent.iothub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A third-party server for the rule engine's {@code forward} action: records what it receives, with whether the
 * signature is the token's (computed here independently of the emulator), and answers 200, or 500 to the first
 * {@code failFirst} requests.
 */
final class ForwardReceiver implements AutoCloseable {

    record Received(String body, String timestamp, String nonce, boolean signedWithToken) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft;

    ForwardReceiver(String token, int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/iot/forward", exchange -> {
            String timestamp = exchange.getRequestHeaders().getFirst("Timestamp");
            String nonce = exchange.getRequestHeaders().getFirst("Nonce");
            String signature = exchange.getRequestHeaders().getFirst("Signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, timestamp, nonce, expected(token, timestamp, nonce).equals(signature)));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iot/forward");
    }

    Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing was forwarded");
        }
        return next;
    }

    int pending() {
        return received.size();
    }

    private static String expected(String token, String timestamp, String nonce) {
        if (timestamp == null || nonce == null) {
            return "";
        }
        String[] parts = { token, timestamp, nonce };
        Arrays.sort(parts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
