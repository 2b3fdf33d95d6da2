package io.github.cameliot.cloudapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameliot.cloudapi.http.HttpClients;
import io.github.cameliot.cloudapi.http.HttpOptions;
import io.github.cameliot.cloudapi.tencent.TencentApiProtocol;
import io.github.cameliot.cloudapi.tencent.TencentApiSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Test fixture: a MockWebServer playing the Tencent Cloud API, and a {@link CloudApiClient} calling it with a fixed
 * clock, tiny retry delays (at most 3 retries) and the given read timeout. {@link #attempts()} counts the requests the client built, which
 * also counts attempts that never reached a server.
 */
final class TencentApiServer implements AutoCloseable {

    static final String SECRET_ID = "AKIDtestsecretid0000";
    static final String SECRET_KEY = "test-secret-key-must-not-leak";
    static final long TIMESTAMP = 1700000000L;

    final MockWebServer server = new MockWebServer();
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final OkHttpClient http;
    private final AtomicInteger attempts = new AtomicInteger();

    /** With a read timeout no answer of the mock server comes near, even on a slow machine. */
    TencentApiServer() throws Exception {
        this(Duration.ofSeconds(5));
    }

    TencentApiServer(Duration readTimeout) throws Exception {
        http = HttpClients.derive(HttpClients.newShared(), new HttpOptions(Duration.ofSeconds(2), readTimeout, null, 0, null, null, 16));
        server.start();
    }

    /** A client of the mock server. */
    CloudApiClient client() {
        return client(server.url("/").toString());
    }

    /** A client of any endpoint. */
    CloudApiClient client(String endpoint) {
        TencentApiProtocol tencent = new TencentApiProtocol(new TencentApiSettings("iotcloud", "2021-04-08", "ap-guangzhou", endpoint, null),
                () -> new CloudCredentials(SECRET_ID, SECRET_KEY), () -> TIMESTAMP);
        CloudProtocol counting = new CloudProtocol() {
            @Override
            public Request newRequest(ActionSpec action, Map<String, Object> parameters) throws java.io.IOException {
                attempts.incrementAndGet();
                return tencent.newRequest(action, parameters);
            }

            @Override
            public ApiResult read(ActionSpec action, Response response) throws java.io.IOException {
                return tencent.read(action, response);
            }

            @Override
            public CloudApiException transportFailure(ActionSpec action, java.io.IOException cause) {
                return tencent.transportFailure(action, cause);
            }
        };
        return new CloudApiClient(http, counting, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), new RateLimiters(),
                scheduler);
    }

    int attempts() {
        return attempts.get();
    }

    void enqueueOk(String requestId, Map<String, Object> fields) {
        Map<String, Object> response = new LinkedHashMap<>(fields);
        response.put("RequestId", requestId);
        enqueue(new MockResponse.Builder().code(200).body(Json.writeString(Map.of("Response", response))).build());
    }

    void enqueueError(String requestId, String code, String message) {
        enqueue(new MockResponse.Builder().code(200).body(Json.writeString(
                Map.of("Response", Map.of("Error", Map.of("Code", code, "Message", message), "RequestId", requestId)))).build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.dispatcher().cancelAll();
        http.connectionPool().evictAll();
        server.close();
    }
}
