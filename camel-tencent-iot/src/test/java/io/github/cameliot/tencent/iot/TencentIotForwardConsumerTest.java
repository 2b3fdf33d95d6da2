package io.github.cameliot.tencent.iot;

import io.github.cameliot.cloudapi.sign.TencentForwardSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP requests, signed as IoT Hub's rule engine signs them, to forward consumers served by Vert.x through
 * Camel's platform-http SPI.
 */
class TencentIotForwardConsumerTest {

    private static final String TOKEN = "forward-token-7f3a";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final List<Exchange> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static CamelContext context;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setPort(port);
        context = new DefaultCamelContext();
        context.addService(new VertxPlatformHttpServer(server));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-iot:forward?path=/iot/forward&token=" + TOKEN + "&maxBodySize=1024").routeId("signed")
                        .process(exchange -> {
                            if (exchange.getMessage().getBody(String.class).contains("fail")) {
                                throw new IllegalStateException("route failed on purpose");
                            }
                            RECEIVED.add(exchange.copy());
                            // what a route may leave behind: a body with no HTTP form, a header of its own
                            exchange.getMessage().setBody(new Object());
                            exchange.getMessage().setHeader("routeState", "done");
                        });
                from("tencent-iot:forward?path=/iot/open&maxInFlight=1").routeId("open")
                        .process(exchange -> {
                            RECEIVED.add(exchange.copy());
                            release.await(10, TimeUnit.SECONDS);
                        });
            }
        });
        context.start();
    }

    @AfterAll
    static void stop() {
        context.stop();
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    @Test
    void signatureOfThePublicExample() {
        assertThat(TencentForwardSigner.sign("aaa", "1604458421", "IkOaKMDalrAzUTxC"))
                .isEqualTo("c259ed29ec13ba7c649fe0893007401a36e70453");
        assertThat(TencentForwardSigner.verify("aaa", "1604458421", "IkOaKMDalrAzUTxC",
                "C259ED29EC13BA7C649FE0893007401A36E70453")).isTrue();
        assertThat(TencentForwardSigner.verify("aab", "1604458421", "IkOaKMDalrAzUTxC",
                "c259ed29ec13ba7c649fe0893007401a36e70453")).isFalse();
    }

    @Test
    void signedMessageRunsTheRouteAndIsAcknowledgedAfterIt() throws Exception {
        String json = "{\"topic\":\"ABCDE12345/dev1/event\",\"temperature\":21.5}";
        HttpResponse<String> response = post("/iot/forward", json, signed(now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).hasSize(1);
        Exchange exchange = RECEIVED.get(0);
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(json);
        assertThat(exchange.getMessage().getHeaders()).containsEntry(TencentIotConstants.TOPIC, "ABCDE12345/dev1/event")
                .containsEntry(TencentIotConstants.PRODUCT_ID, "ABCDE12345")
                .containsEntry(TencentIotConstants.DEVICE_NAME, "dev1")
                .doesNotContainKey("Signature").doesNotContainKey("Nonce");
    }

    @Test
    void successIsAnsweredWithAnEmptyBodyWhateverTheRouteLeftInTheMessage() throws Exception {
        HttpResponse<String> response = post("/iot/forward", "{\"temperature\":21.5}", signed(now()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("routeState")).isEmpty();
    }

    @Test
    void wrongMissingOrStaleSignaturesAreRefusedWithoutRunningTheRoute() throws Exception {
        long now = now();
        Map<String, String> wrong = Map.of("Timestamp", Long.toString(now), "Nonce", "n1", "Signature",
                TencentForwardSigner.sign("other-token", Long.toString(now), "n1"));
        assertThat(post("/iot/forward", "{}", wrong).statusCode()).isEqualTo(401);
        assertThat(post("/iot/forward", "{}", Map.of()).statusCode()).isEqualTo(401);
        Map<String, String> noNonce = Map.of("Timestamp", Long.toString(now), "Signature", signed(now).get("Signature"));
        assertThat(post("/iot/forward", "{}", noNonce).statusCode()).isEqualTo(401);
        HttpResponse<String> stale = post("/iot/forward", "{}", signed(now - 3600));
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).isEqualTo("stale timestamp");
        assertThat(post("/iot/forward", "{}", signed(now + 3600)).statusCode()).isEqualTo(401);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void serviceAddressCheckEchoesEchostr() throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(signed(now()));
        headers.put("Echostr", "echo-12345");
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/iot/forward")).GET(), headers);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("echo-12345");

        headers.put("Signature", "0000");
        assertThat(send(HttpRequest.newBuilder(url("/iot/forward")).GET(), headers).statusCode()).isEqualTo(401);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void failingRouteAnswers5xxWithoutTheExceptionText() throws Exception {
        HttpResponse<String> response = post("/iot/forward", "{\"cmd\":\"fail\"}", signed(now()));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("on purpose");
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413() throws Exception {
        String big = "{\"data\":\"" + "x".repeat(2000) + "\"}";
        assertThat(post("/iot/forward", big, signed(now())).statusCode()).isEqualTo(413);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void withoutATokenNothingIsCheckedAndInFlightIsBounded() throws Exception {
        release = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(
                HttpRequest.newBuilder(url("/iot/open")).POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 100 && RECEIVED.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(RECEIVED).as("first request in the route").hasSize(1);
        HttpResponse<String> second = post("/iot/open", "{\"n\":2}", Map.of());
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(first).isNotDone();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(post("/iot/open", "{\"n\":3}", Map.of()).statusCode()).isEqualTo(200);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Map<String, String> signed(long timestamp) {
        String nonce = "IkOaKMDalrAzUTxC";
        return Map.of("Timestamp", Long.toString(timestamp), "Nonce", nonce, "Signature",
                TencentForwardSigner.sign(TOKEN, Long.toString(timestamp), nonce));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        return HTTP.send(request.timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
