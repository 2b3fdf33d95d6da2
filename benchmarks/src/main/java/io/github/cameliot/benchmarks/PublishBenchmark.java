package io.github.cameliot.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.iotcloud.v20210408.IotcloudClient;
import com.tencentcloudapi.iotcloud.v20210408.models.PublishMessageRequest;
import io.github.cameliot.cloudapi.test.NoDelayServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PublishMessage call, end to end against a local HTTP server that always answers
 * {@code {"Response":{"RequestId":"r"}}}: a Camel route {@code direct:publish -> tencent-iot:PublishMessage} against the
 * official SDK's {@link IotcloudClient#PublishMessage}. The server runs in the same JVM and shares the cores.
 * <ul>
 * <li>{@code baseline_okhttp_sync1}: a bare OkHttp POST of the same body: what this transport and server allow at best.</li>
 * <li>{@code *_sync1}: one thread, one call at a time ({@link ProducerTemplate#requestBody} / {@code PublishMessage}).</li>
 * <li>{@code *_threads8}: the same from 8 threads at once.</li>
 * <li>{@code *_inFlight64_*}: 64 calls in flight per operation, score counted per call. Ours from one thread, through
 * {@link ProducerTemplate#asyncRequestBody} (which hands each send to the template's thread pool) or straight to the
 * route's {@link AsyncProducer}; the SDK blocks a thread per call, so it gets a pool of 64 threads.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class PublishBenchmark {

    static final int IN_FLIGHT = 64;
    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String PRODUCT_ID = "ABCDE12345";
    static final String DEVICE = "dev1";
    static final String TOPIC = PRODUCT_ID + "/" + DEVICE + "/control";
    static final String PAYLOAD = "{\"cmd\":\"on\",\"brightness\":80}";
    static final String ANSWER = "{\"Response\":{\"RequestId\":\"r\"}}";

    /** MockWebServer logs every request at INFO through java.util.logging; a logger only keeps its level while referenced. */
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private MockWebServer server;
    private CamelContext camel;
    private ProducerTemplate template;
    private Endpoint direct;
    private AsyncProducer producer;
    private IotcloudClient sdk;
    private ExecutorService sdkThreads;
    private OkHttpClient okhttp;
    private Request plainRequest;

    @Setup(Level.Trial)
    public void start() throws Exception {
        try {
            open();
        } catch (Exception | Error e) {
            stop(); // else the server's thread keeps the forked VM alive
            throw e;
        }
    }

    private void open() throws Exception {
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            private final MockResponse answer = new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json").body(ANSWER).build();

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                if (request.getExchangeIndex() == 0) {
                    connections.incrementAndGet();
                }
                return answer;
            }
        });
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        int port = server.getPort();

        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish")
                        .to("tencent-iot:PublishMessage?region=ap-guangzhou&endpoint=http://127.0.0.1:" + port
                            + "&secretId=" + SECRET_ID + "&secretKey=" + SECRET_KEY + "&rateLimit=false"
                            + "&productId=" + PRODUCT_ID + "&deviceName=" + DEVICE + "&topic=" + TOPIC);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        direct = camel.getEndpoint("direct:publish");
        producer = direct.createAsyncProducer();
        producer.start();

        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol(HttpProfile.REQ_HTTP);
        sdk = new IotcloudClient(new Credential(SECRET_ID, SECRET_KEY), "ap-guangzhou", new ClientProfile(ClientProfile.SIGN_TC3_256, http));
        AtomicInteger index = new AtomicInteger();
        sdkThreads = Executors.newFixedThreadPool(IN_FLIGHT, task -> {
            Thread thread = new Thread(task, "sdk-call-" + index.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });

        okhttp = new OkHttpClient();
        plainRequest = new Request.Builder().url(server.url("/"))
                .post(RequestBody.create(("{\"ProductId\":\"" + PRODUCT_ID + "\",\"DeviceName\":\"" + DEVICE + "\",\"Topic\":\""
                                          + TOPIC + "\",\"Payload\":\"" + PAYLOAD.replace("\"", "\\\"") + "\"}")
                                .getBytes(StandardCharsets.UTF_8), MediaType.get("application/json; charset=utf-8")))
                .build();

        // both really reach the server and read its answer
        check(cameliot_sync1() instanceof Map<?, ?> fields && "r".equals(fields.get("RequestId")), "ours");
        check("r".equals(sdk_sync1()), "the SDK");
        RecordedRequest sdkRequest = drain();
        check(sdkRequest != null && "/".equals(sdkRequest.getTarget()) && sdkRequest.getBody().utf8().contains(TOPIC), "the SDK's request");
        requests.set(0);
        connections.set(0);
    }

    @TearDown(Level.Iteration)
    public void dropRecordedRequests() {
        drain();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        // written to the run's output so that connection reuse can be read beside the scores
        System.out.printf("%n[server, whole trial with warmup] %d requests on %d new connections%n", requests.get(), connections.get());
        if (sdkThreads != null) {
            sdkThreads.shutdownNow();
        }
        if (producer != null) {
            producer.stop();
        }
        if (camel != null) {
            camel.close();
        }
        if (okhttp != null) {
            okhttp.dispatcher().executorService().shutdown();
            okhttp.connectionPool().evictAll();
        }
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    public Object cameliot_sync1() {
        return template.requestBody("direct:publish", PAYLOAD);
    }

    @Benchmark
    public String sdk_sync1() throws TencentCloudSDKException {
        return sdk.PublishMessage(sdkRequest()).getRequestId();
    }

    /** The limit of transport and server: a bare OkHttp POST of the same body, unsigned, the answer read as a string. */
    @Benchmark
    public String baseline_okhttp_sync1() throws IOException {
        try (Response response = okhttp.newCall(plainRequest).execute()) {
            return response.body().string();
        }
    }

    @Benchmark
    @Threads(8)
    public Object cameliot_threads8() {
        return template.requestBody("direct:publish", PAYLOAD);
    }

    @Benchmark
    @Threads(8)
    public String sdk_threads8() throws TencentCloudSDKException {
        return sdk.PublishMessage(sdkRequest()).getRequestId();
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public int cameliot_inFlight64_asyncRequestBody() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Object>[] calls = new CompletableFuture[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            calls[i] = template.asyncRequestBody("direct:publish", PAYLOAD);
        }
        int answered = 0;
        for (CompletableFuture<Object> call : calls) {
            if (call.join() != null) {
                answered++;
            }
        }
        return answered;
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public int cameliot_inFlight64_asyncProducer() {
        Exchange[] exchanges = new Exchange[IN_FLIGHT];
        @SuppressWarnings("unchecked")
        CompletableFuture<Exchange>[] calls = new CompletableFuture[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            Exchange exchange = direct.createExchange(ExchangePattern.InOut);
            exchange.getMessage().setBody(PAYLOAD);
            exchanges[i] = exchange;
            calls[i] = producer.processAsync(exchange);
        }
        int answered = 0;
        for (int i = 0; i < IN_FLIGHT; i++) {
            calls[i].join();
            if (exchanges[i].getException() != null) {
                throw new IllegalStateException(exchanges[i].getException());
            }
            answered++;
        }
        return answered;
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public int sdk_inFlight64_threadPerCall() throws Exception {
        @SuppressWarnings("unchecked")
        Future<String>[] calls = new Future[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            calls[i] = sdkThreads.submit(() -> sdk.PublishMessage(sdkRequest()).getRequestId());
        }
        int answered = 0;
        for (Future<String> call : calls) {
            if (call.get() != null) {
                answered++;
            }
        }
        return answered;
    }

    private static PublishMessageRequest sdkRequest() {
        PublishMessageRequest request = new PublishMessageRequest();
        request.setProductId(PRODUCT_ID);
        request.setDeviceName(DEVICE);
        request.setTopic(TOPIC);
        request.setPayload(PAYLOAD);
        return request;
    }

    /** Empties the server's queue of recorded requests, which would otherwise grow for the whole run; returns the last. */
    private RecordedRequest drain() {
        RecordedRequest last = null;
        try {
            for (RecordedRequest request; (request = server.takeRequest(0, TimeUnit.NANOSECONDS)) != null; ) {
                last = request;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what + " did not get the server's answer");
        }
    }
}
