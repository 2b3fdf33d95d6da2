package io.github.cameliot.tencent.iot.explorer;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake IoT Explorer application API on a {@link MockWebServer}: checks every request on its way in (the path,
 * appapi requests' signature recomputed here from the documentation's rules with javax.crypto, tokenapi requests'
 * AccessToken against the token it last issued), logs users in, rejects stale tokens with
 * {@code InvalidParameterValue.InvalidAccessToken}, and answers other actions with what {@link #answers} gives.
 * Violations are collected in {@link #problems} and answered with HTTP 400.
 */
final class ExplorerServer implements AutoCloseable {

    static final String BASE = "/api/exploreropen/";
    static final String APP_KEY = "testAppKey0000000001";
    static final String APP_SECRET = "testAppSecret00000000000000001";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger tokenCounter = new AtomicInteger();
    final List<String> problems = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();

    /** The token the server accepts; {@code null}: any. */
    volatile String validToken;
    /** The ExpireAt (seconds) the next login answers. */
    volatile long expireAt = System.currentTimeMillis() / 1000 + 7200;
    volatile long loginDelayMillis;
    /** Reject every token, the freshly issued ones too. */
    volatile boolean rejectAllTokens;
    /** Answer the login action with {@link #answers} too, as any other action. */
    volatile boolean fixtureLogin;
    /** Answer in the {code, msg, data} envelope instead of {Response}. */
    volatile boolean sdkEnvelope;
    /** The answer to a non-login action: its Response object (or a whole body, when it has no Response). */
    volatile Function<Map<String, Object>, Object> answers = body -> Map.of("Response", Map.of("RequestId",
            String.valueOf(body.get("RequestId"))));

    ExplorerServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return handle(request);
                } catch (Exception e) {
                    problems.add(e.toString());
                    return new MockResponse.Builder().code(500).body(e.toString()).build();
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + BASE;
    }

    @SuppressWarnings("unchecked")
    private MockResponse handle(RecordedRequest request) throws Exception {
        Map<String, Object> body = MAPPER.readValue(request.getBody().toByteArray(), Map.class);
        bodies.add(body);
        String path = request.getUrl().encodedPath();
        String action = String.valueOf(body.get("Action"));
        if (!"POST".equals(request.getMethod()) || !request.getHeaders().get("Content-Type").startsWith("application/json")) {
            return problem("not a JSON POST: " + request.getMethod());
        }
        if (!(body.get("RequestId") instanceof String id) || id.isBlank()) {
            return problem(action + ": no RequestId");
        }
        if (path.equals(BASE + "appapi")) {
            if (body.containsKey("AccessToken")) {
                return problem(action + ": AccessToken sent to appapi");
            }
            if (!APP_KEY.equals(body.get("AppKey"))) {
                return problem(action + ": AppKey " + body.get("AppKey"));
            }
            long timestamp = ((Number) body.get("Timestamp")).longValue();
            if (Math.abs(timestamp - System.currentTimeMillis() / 1000) > 300) {
                return problem(action + ": Timestamp " + timestamp + " is not now in seconds");
            }
            if (!(body.get("Nonce") instanceof Number nonce) || nonce.longValue() <= 0) {
                return problem(action + ": Nonce " + body.get("Nonce"));
            }
            if (!signature(body, APP_SECRET).equals(body.get("Signature"))) {
                return problem(action + ": wrong Signature " + body.get("Signature"));
            }
            if ("AppGetTokenByWeiXin".equals(action) && !fixtureLogin) {
                logins.incrementAndGet();
                String token = "token-" + tokenCounter.incrementAndGet();
                validToken = token;
                Map<String, Object> data = Map.of("ExpireAt", expireAt, "Token", token);
                return answer(Map.of("Response", Map.of("Data", data, "RequestId", body.get("RequestId"))), loginDelayMillis);
            }
        } else if (path.equals(BASE + "tokenapi")) {
            tokenCalls.incrementAndGet();
            if (body.containsKey("AppKey") || body.containsKey("Timestamp")) {
                return problem(action + ": signed request sent to tokenapi");
            }
            Object token = body.get("AccessToken");
            if (!(token instanceof String text) || text.isBlank()) {
                return problem(action + ": no AccessToken");
            }
            String valid = validToken;
            if (rejectAllTokens || valid != null && !valid.equals(token)) {
                return answer(Map.of("Response", Map.of("Error", Map.of("Code", "InvalidParameterValue.InvalidAccessToken",
                        "Message", "Token无效"), "RequestId", body.get("RequestId"))), 0);
            }
        } else {
            return problem("unknown path " + path);
        }
        return answer(answers.apply(body), 0);
    }

    @SuppressWarnings("unchecked")
    private MockResponse answer(Object json, long delayMillis) throws IOException {
        Object out = json;
        if (sdkEnvelope) {
            Object data = json instanceof Map<?, ?> map && map.get("Response") != null ? ((Map<String, Object>) json).get("Response") : json;
            out = Map.of("code", 0, "msg", "", "data", data);
        }
        MockResponse.Builder response = new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(MAPPER.writeValueAsString(out));
        if (delayMillis > 0) {
            response.headersDelay(delayMillis, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    private MockResponse problem(String text) {
        problems.add(text);
        return new MockResponse.Builder().code(400).body(text).build();
    }

    /**
     * The documentation's rules, written out independently of the component: every parameter but Signature, sorted
     * by name, {@code name=value} with the raw value, {@code _} in names as {@code .}, empty strings left out, joined
     * with {@code &}; Base64(HMAC-SHA1(AppSecret)).
     */
    static String signature(Map<String, Object> body, String secret) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(body).entrySet()) {
            Object value = e.getValue();
            if ("Signature".equals(e.getKey()) || value == null || "".equals(value)) {
                continue;
            }
            String rendered = value instanceof Map<?, ?> || value instanceof List<?> ? MAPPER.writeValueAsString(value)
                                                                                     : String.valueOf(value);
            text.append(text.length() == 0 ? "" : "&").append(e.getKey().replace('_', '.')).append('=').append(rendered);
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    void drain() throws InterruptedException {
        while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // forget the requests of earlier tests
        }
        bodies.clear();
        problems.clear();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
