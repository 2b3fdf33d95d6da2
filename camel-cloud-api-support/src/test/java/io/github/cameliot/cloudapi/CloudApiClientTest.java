package io.github.cameliot.cloudapi;

import static io.github.cameliot.cloudapi.TencentApiServer.SECRET_ID;
import static io.github.cameliot.cloudapi.TencentApiServer.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import io.github.cameliot.cloudapi.test.LogCapture;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudApiClientTest {

    static final ActionSpec DESCRIBE_DEVICE = new ActionSpec("DescribeDevice", List.of("ProductId", "DeviceName"), 20, true, null);
    static final ActionSpec PUBLISH_MESSAGE = new ActionSpec("PublishMessage", List.of("Topic", "Payload"), 300, false, null);
    static final Map<String, Object> DEVICE = Map.of("ProductId", "ABCDE12345", "DeviceName", "abc");
    static final Map<String, Object> MESSAGE = Map.of("ProductId", "P", "DeviceName", "d", "Topic", "P/d/data", "Payload", "aGk");

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private TencentApiServer api;

    @BeforeEach
    void start() throws Exception {
        api = new TencentApiServer();
    }

    @AfterEach
    void stop() {
        api.close();
        assertThat(logs.lines()).noneMatch(line -> line.contains(SECRET_KEY));
    }

    @Test
    void signedCallReturnsTheResponseFields() throws Exception {
        api.enqueueOk("req-1", Map.of("DeviceName", "abc", "Online", 1, "NbiotDeviceID", 123456789012345678L));

        ApiResult result = api.client().call(DESCRIBE_DEVICE, DEVICE).get(5, TimeUnit.SECONDS);

        assertThat(result.requestId()).isEqualTo("req-1");
        assertThat(result.fields()).containsEntry("DeviceName", "abc").containsEntry("Online", 1)
                .containsEntry("NbiotDeviceID", 123456789012345678L).containsEntry("RequestId", "req-1");
        RecordedRequest request = api.server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("DescribeDevice");
        assertThat(request.getHeaders().get("X-TC-Version")).isEqualTo("2021-04-08");
        assertThat(request.getHeaders().get("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(request.getHeaders().get("X-TC-Timestamp")).isEqualTo("1700000000");
        assertThat(request.getHeaders().get("X-TC-Token")).isNull();
        assertThat(Json.readMap(request.getBody().toByteArray())).isEqualTo(DEVICE);
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
        assertThat(request.getHeaders().get("Authorization")).contains("Credential=" + SECRET_ID + "/2023-11-14/iotcloud/tc3_request");
    }

    @Test
    void noParametersSendsAnEmptyObject() throws Exception {
        api.enqueueOk("req-1", Map.of("TotalCount", 0));

        api.client().call(new ActionSpec("DescribeProducts", List.of(), 20, true, null), Map.of()).get(5, TimeUnit.SECONDS);

        RecordedRequest request = api.server.takeRequest();
        assertThat(request.getBody().utf8()).isEqualTo("{}");
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    @Test
    void errorWithHttp200BecomesAnException() {
        api.enqueueError("req-err", "ResourceNotFound.DeviceNotExist", "the device does not exist");

        TencentCloudApiException error = failure(api.client().call(DESCRIBE_DEVICE, DEVICE));

        assertThat(error.getErrorCode()).isEqualTo("ResourceNotFound.DeviceNotExist");
        assertThat(error.getErrorMessage()).isEqualTo("the device does not exist");
        assertThat(error.getRequestId()).isEqualTo("req-err");
        assertThat(error.getAction()).isEqualTo("DescribeDevice");
        assertThat(error.getHttpStatus()).isEqualTo(200);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.isError("ResourceNotFound")).isTrue();
        assertThat(error.isError("ResourceNotFoun")).isFalse();
        assertThat(error.getMessage()).isEqualTo(
                "DescribeDevice failed: ResourceNotFound.DeviceNotExist: the device does not exist (RequestId req-err) [HTTP 200]");
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void throttlingIsRetriedEvenForAnActionThatIsNotIdempotent() throws Exception {
        api.enqueueError("req-1", "RequestLimitExceeded", "slow down");
        api.enqueueOk("req-2", Map.of());

        ApiResult result = api.client().call(PUBLISH_MESSAGE, MESSAGE).get(5, TimeUnit.SECONDS);

        assertThat(result.requestId()).isEqualTo("req-2");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
        Tc3Verifier.assertSigned(api.server.takeRequest(), "iotcloud", SECRET_ID, SECRET_KEY);
        Tc3Verifier.assertSigned(api.server.takeRequest(), "iotcloud", SECRET_ID, SECRET_KEY);
        assertThat(logs.lines()).anyMatch(line -> line.startsWith("PublishMessage failed with RequestLimitExceeded (RequestId req-1); retry 1 of 3"));
    }

    @Test
    void retriesStopAfterMaxRetries() {
        for (int i = 0; i < 5; i++) {
            api.enqueueError("req-" + i, "RequestLimitExceeded.UinLimitExceeded", "slow down");
        }

        TencentCloudApiException error = failure(api.client().call(DESCRIBE_DEVICE, DEVICE));

        assertThat(error.getErrorCode()).isEqualTo("RequestLimitExceeded.UinLimitExceeded");
        assertThat(error.getRequestId()).isEqualTo("req-3");
        assertThat(api.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void internalErrorIsNotRetriedWhenTheActionIsNotIdempotent() {
        api.enqueueError("req-1", "InternalError", "oops");
        api.enqueueOk("req-2", Map.of());

        TencentCloudApiException error = failure(api.client().call(PUBLISH_MESSAGE, MESSAGE));

        assertThat(error.getErrorCode()).isEqualTo("InternalError");
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.isNotExecuted()).isFalse();
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void internalErrorIsRetriedWhenTheActionIsIdempotent() throws Exception {
        api.enqueueError("req-1", "InternalError", "oops");
        api.enqueueOk("req-2", Map.of("DeviceName", "abc"));

        ApiResult result = api.client().call(DESCRIBE_DEVICE, DEVICE).get(5, TimeUnit.SECONDS);

        assertThat(result.requestId()).isEqualTo("req-2");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void readTimeoutIsNotRetriedWhenTheActionIsNotIdempotent() throws Exception {
        useReadTimeout(Duration.ofMillis(300));
        api.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"late\"}}")
                .headersDelay(1, TimeUnit.SECONDS).build());
        api.enqueueOk("req-2", Map.of());

        TencentCloudApiException error = failure(api.client().call(PUBLISH_MESSAGE, MESSAGE));

        assertThat(error.getErrorCode()).isEqualTo("RequestTimeout");
        assertThat(error.isNotExecuted()).isFalse();
        assertThat(error.getHttpStatus()).isZero();
        assertThat(error.getRequestId()).isNull();
        assertThat(api.attempts()).isEqualTo(1);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutIsRetriedWhenTheActionIsIdempotent() throws Exception {
        useReadTimeout(Duration.ofMillis(300));
        api.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"late\"}}")
                .headersDelay(1, TimeUnit.SECONDS).build());
        api.enqueueOk("req-2", Map.of());

        ApiResult result = api.client().call(DESCRIBE_DEVICE, DEVICE).get(5, TimeUnit.SECONDS);

        assertThat(result.requestId()).isEqualTo("req-2");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void slowBodyIsNotRetriedWhenTheActionIsNotIdempotent() throws Exception {
        useReadTimeout(Duration.ofMillis(300));
        api.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"late\"}}")
                .bodyDelay(1, TimeUnit.SECONDS).build());
        api.enqueueOk("req-2", Map.of());

        TencentCloudApiException error = failure(api.client().call(PUBLISH_MESSAGE, MESSAGE));

        assertThat(error.isNotExecuted()).isFalse();
        assertThat(api.attempts()).isEqualTo(1);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
    }

    /**
     * Disabled: TencentApiProtocol.read wraps {@code body.bytes()} in the try that catches the JSON parse error, so a
     * timeout while the body arrives becomes a non-retryable {@code HTTP200 "unexpected answer: OK"} instead of a
     * transport failure ({@code RequestTimeout}), and an idempotent action is not retried.
     */
    @Test
    void slowBodyIsATimeoutRetriedWhenTheActionIsIdempotent() throws Exception {
        useReadTimeout(Duration.ofMillis(300));
        api.enqueue(new MockResponse.Builder().code(200).body("{\"Response\":{\"RequestId\":\"late\"}}")
                .bodyDelay(1, TimeUnit.SECONDS).build());
        api.enqueueOk("req-2", Map.of());

        ApiResult result = api.client().call(DESCRIBE_DEVICE, DEVICE).get(5, TimeUnit.SECONDS);

        assertThat(result.requestId()).isEqualTo("req-2");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    /**
     * The connection drops after the server has read a PublishMessage sent on a pooled connection: the action may
     * have run, so the client must not send it again. Disabled: HttpClients.newShared() keeps OkHttp's
     * retryOnConnectionFailure, so OkHttp silently re-sends the POST on a new connection (3 requests arrive).
     */
    @Test
    void aDroppedConnectionDoesNotResendAnActionThatIsNotIdempotent() throws Exception {
        CloudApiClient client = api.client();
        api.enqueueOk("req-1", Map.of());
        client.call(PUBLISH_MESSAGE, MESSAGE).get(5, TimeUnit.SECONDS);
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        api.enqueueOk("req-3", Map.of());

        TencentCloudApiException error = failure(client.call(PUBLISH_MESSAGE, MESSAGE));

        assertThat(error.getErrorCode()).isEqualTo("ConnectionFailure");
        assertThat(api.server.getRequestCount()).isEqualTo(2);
    }

    /** Disabled: Json.MAPPER cannot read integers above Long.MAX_VALUE (see JsonTest), so the whole answer is lost. */
    @Test
    void unsigned64BitIntegersInTheAnswerAreRead() throws Exception {
        api.enqueue(new MockResponse.Builder().code(200)
                .body("{\"Response\":{\"ConnIP\":18446744073709551615,\"RequestId\":\"req-1\"}}").build());

        ApiResult result = api.client().call(DESCRIBE_DEVICE, DEVICE).get(5, TimeUnit.SECONDS);

        assertThat(result.fields().get("ConnIP")).isEqualTo(new java.math.BigInteger("18446744073709551615"));
    }

    @Test
    void refusedConnectionIsRetriedEvenWhenTheActionIsNotIdempotent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TencentCloudApiException error = failure(api.client("http://127.0.0.1:" + closedPort + "/").call(PUBLISH_MESSAGE, MESSAGE));

        assertThat(error.getErrorCode()).isEqualTo("ConnectionFailure");
        assertThat(error.isNotExecuted()).isTrue();
        assertThat(error.getRequestId()).isNull();
        assertThat(error.getHttpStatus()).isZero();
        assertThat(api.attempts()).isEqualTo(4);
    }

    @Test
    void gatewayErrorsAreReadFromTheStatus() throws Exception {
        api.enqueue(new MockResponse.Builder().code(503).body("<html>busy</html>").build());
        api.enqueueOk("req-2", Map.of());
        assertThat(api.client().call(PUBLISH_MESSAGE, MESSAGE).get(5, TimeUnit.SECONDS).requestId()).isEqualTo("req-2");

        api.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
        TencentCloudApiException error = failure(api.client().call(PUBLISH_MESSAGE, MESSAGE));
        assertThat(error.getErrorCode()).isEqualTo("HTTP502");
        assertThat(error.getHttpStatus()).isEqualTo(502);
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.isNotExecuted()).isFalse();
        assertThat(api.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void quotaSpacesABurstOverTime() throws Exception {
        ActionSpec slow = new ActionSpec("DescribeDevice", List.of(), 5, true, null);
        CloudApiClient client = api.client();
        List<CompletableFuture<ApiResult>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 7; i++) {
            api.enqueueOk("req-" + i, Map.of());
            calls.add(client.call(slow, DEVICE));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        // 5 at once, the other 2 only when the first second's window has passed
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThat(api.server.getRequestCount()).isEqualTo(7);
    }

    @Test
    void bodyIsUtf8JsonInTheParametersOrder() throws Exception {
        api.enqueueOk("req-1", Map.of());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Topic", "P/d/data");
        parameters.put("Payload", "温度 \"25\"");

        api.client().call(PUBLISH_MESSAGE, parameters).get(5, TimeUnit.SECONDS);

        RecordedRequest request = api.server.takeRequest();
        assertThat(request.getBody().toByteArray())
                .isEqualTo("{\"Topic\":\"P/d/data\",\"Payload\":\"温度 \\\"25\\\"\"}".getBytes(StandardCharsets.UTF_8));
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    /** Replaces the fixture by one whose client gives up reading after {@code timeout} (the mock answers late by 1 s). */
    private void useReadTimeout(Duration timeout) throws Exception {
        api.close();
        api = new TencentApiServer(timeout);
    }

    static TencentCloudApiException failure(CompletableFuture<ApiResult> call) {
        Throwable thrown = catchThrowable(() -> call.get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(TencentCloudApiException.class);
        assertThat(thrown.getCause().getMessage()).doesNotContain(SECRET_KEY);
        return (TencentCloudApiException) thrown.getCause();
    }
}
