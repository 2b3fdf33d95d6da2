package io.github.cameliot.tencent.iot.explorer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.cameliot.cloudapi.test.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The push consumer against a local server that plays the long connection's protocol (ActivePush, YunApi heartbeat,
 * DeviceChange pushes). The access token comes from a stand-in for the endpoint's token lifecycle.
 */
class TencentIotExplorerPushConsumerTest {

    static final String APP_KEY = "appkey-5b1e0c";
    static final String APP_SECRET = "appsecret-9d27f4";
    static final String DEV1 = "PRODUCT/dev1";
    static final String DEV2 = "PRODUCT/dev2";

    // the documentation's payloads (§4.4 of the API notes), the corrupted ones as corrected there
    static final String TEMPLATE_PUSH
            = "eyJtZXRob2QiOiJjb250cm9sIiwiY2xpZW50VG9rZW4iOiIxMjM0NTY3OCIsInBhcmFtcyI6eyJzd2l0Y2giOjB9fQ==";
    static final String PROPERTY_REPORT = "eyJ0aW1lc3RhbXAiOiAwLCAicGFyYW1zIjogeyJicmlnaHRuZXNzIjogNTl9LCAibWV0aG9kIjogInJlcG9ydCIsICJjbGllbnRUb2tlbiI6ICJ0bTIwMTkxMDMwMTA0MDUzXzEifQ==";
    static final String EVENT_REPORT = "ewogICAgICAgICJtZXRob2QiOiAiZXZlbnRfcG9zdCIsCiAgICAgICAgInZlcnNpb24iOiAiMS4wIiwKICAgICAgICAiZXZlbnRJZCI6ICJsb3dfdm9sdGFnZSIsCiAgICAgICAgInBhcmFtcyI6IHsKICAgICAgICAgICAgInZvbHRhZ2UiOiAyLjI3ODA4MQogICAgICAgIH0sCiAgICAgICAgImNsaWVudFRva2VuIjogImNsaWVudFRva2VuLTU1OSJ9";
    static final String ACTION_REPORT = "eyJtZXRob2QiOiJhY3Rpb25fcmVwbHkiLCJjbGllbnRUb2tlbiI6IjEzNjk0NzQ5Mzo6cmVxXzEiLCJjb2RlIjowLCJzdGF0dXMiOiJzdWNjIiwicmVzcG9uc2UiOnsicmVzdWx0IjogMX19";

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private final Tokens tokens = new Tokens();
    private PushServer server;
    private CamelContext context;

    @BeforeEach
    void startServer() throws Exception {
        server = new PushServer();
    }

    @AfterEach
    void stopAll() {
        if (context != null) {
            context.stop();
        }
        server.close();
        // nothing secret in what was logged, whatever the test did
        assertThat(logs.lines()).noneMatch(line -> line.contains("token-secret") || line.contains(APP_SECRET)
                                                   || line.contains(APP_KEY));
    }

    @Test
    void everyPushBecomesOneExchangeAndADropIsFollowedByANewRegistration() throws Exception {
        server.pushes = (connection, ids) -> connection == 0
                ? List.of(PushServer.deviceChange("Template", "Push", DEV1, "", TEMPLATE_PUSH, 1689231611907L),
                        PushServer.deviceChange("Property", "Report", DEV1, "$thing/up/property/PRODUCT/dev1",
                                PROPERTY_REPORT, 6),
                        PushServer.deviceChange("Event", "Report", DEV2, "$thing/up/event/PRODUCT/dev2", EVENT_REPORT,
                                300),
                        PushServer.deviceChange("StatusChange", "Online", DEV2, "", "", 7),
                        PushServer.deviceChange("Action", "Report", DEV1, "", ACTION_REPORT, 1620912845),
                        PushServer.deviceChange("UserDefined", "Report", DEV2, "PRODUCT/dev2/user/data",
                                base64("temperature=21.5"), 8))
                : List.of(PushServer.deviceChange("Property", "Report", DEV2, "$thing/up/property/PRODUCT/dev2",
                        base64("{\"method\":\"report\",\"params\":{\"power\":1}}"), 9));
        start("deviceIds=" + DEV1 + "," + DEV2);

        awaitUntil("the six pushes of the first connection", () -> received.size() == 6);
        assertPush(received.get(0), "Template", "Push", DEV1, null, 1689231611907L,
                "{\"method\":\"control\",\"clientToken\":\"12345678\",\"params\":{\"switch\":0}}");
        assertThat(received.get(0).getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("control");
        assertThat(received.get(0).getMessage().getHeader(TencentIotExplorerConstants.PUSH_TIME))
                .isEqualTo("2023-07-13T15:00:11+08:00");
        assertPush(received.get(1), "Property", "Report", DEV1, "$thing/up/property/PRODUCT/dev1", 6L,
                "{\"timestamp\": 0, \"params\": {\"brightness\": 59}, \"method\": \"report\", "
                                                                                          + "\"clientToken\": \"tm20191030104053_1\"}");
        assertThat(received.get(1).getMessage().getHeader(TencentIotExplorerConstants.PRODUCT_ID)).isEqualTo("PRODUCT");
        assertThat(received.get(1).getMessage().getHeader(TencentIotExplorerConstants.DEVICE_NAME)).isEqualTo("dev1");
        assertThat(body(received.get(2))).contains("\"eventId\": \"low_voltage\"");
        assertPush(received.get(2), "Event", "Report", DEV2, "$thing/up/event/PRODUCT/dev2", 300L, body(received.get(2)));
        assertThat(received.get(2).getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("event_post");
        assertPush(received.get(3), "StatusChange", "Online", DEV2, null, 7L, "");
        assertPush(received.get(4), "Action", "Report", DEV1, null, 1620912845L,
                "{\"method\":\"action_reply\",\"clientToken\":\"136947493::req_1\",\"code\":0,\"status\":\"succ\","
                                                                                 + "\"response\":{\"result\": 1}}");
        // the correlation of an async action's result with the ClientToken AppCallDeviceActionAsync returned
        assertThat(received.get(4).getMessage().getHeader(TencentIotExplorerConstants.CLIENT_TOKEN))
                .isEqualTo("136947493::req_1");
        assertThat(received.get(4).getMessage().getHeader(TencentIotExplorerConstants.METHOD)).isEqualTo("action_reply");
        assertPush(received.get(5), "UserDefined", "Report", DEV2, "PRODUCT/dev2/user/data", 8L, "temperature=21.5");
        assertThat(received.get(5).getMessage().getHeader(TencentIotExplorerConstants.CLIENT_TOKEN)).isNull();

        // registration: the devices, the token and the AppKey
        assertThat(server.registrations).hasSize(1);
        Map<String, Object> registration = server.registrations.get(0).params();
        assertThat(registration).containsEntry("DeviceIds", List.of(DEV1, DEV2))
                .containsEntry("AccessToken", "token-secret-1").containsEntry("AppKey", APP_KEY);

        // the heartbeat, at the interval, with token and request id at both levels
        awaitUntil("two heartbeats on the first connection", () -> server.heartbeatsOf(0).size() >= 2);
        Map<String, Object> heartbeat = server.heartbeatsOf(0).get(0).params();
        assertThat(server.heartbeatsOf(0).get(0).frame()).containsEntry("action", "YunApi");
        assertThat(heartbeat).containsEntry("Action", "AppDeviceTraceHeartBeat")
                .containsEntry("AccessToken", "token-secret-1").containsEntry("AppKey", APP_KEY)
                .containsKey("RequestId");
        assertThat(heartbeat.get("ActionParams")).isEqualTo(Map.of("DeviceIds", List.of(DEV1, DEV2),
                "AccessToken", "token-secret-1", "RequestId", heartbeat.get("RequestId")));
        assertThat(server.heartbeatsOf(0).get(1).params().get("RequestId")).isNotEqualTo(heartbeat.get("RequestId"));

        // the connection is lost: the consumer asks for the token again, registers again and goes on
        int asked = tokens.asked.get();
        server.drop(0);
        awaitUntil("a second registration", () -> server.registrations.size() == 2);
        assertThat(server.registrations.get(1).connection()).isEqualTo(1);
        assertThat(server.registrations.get(1).params()).containsEntry("DeviceIds", List.of(DEV1, DEV2))
                .containsEntry("AccessToken", "token-secret-1");
        assertThat(tokens.asked.get()).isGreaterThan(asked);
        awaitUntil("the push of the second connection", () -> received.size() == 7);
        assertPush(received.get(6), "Property", "Report", DEV2, "$thing/up/property/PRODUCT/dev2", 9L,
                "{\"method\":\"report\",\"params\":{\"power\":1}}");
        awaitUntil("a heartbeat on the second connection", () -> server.heartbeatsOf(1).size() >= 1);
        assertThat(tokens.rejected).isEmpty();
        assertThat(logs.lines()).anyMatch(line -> line.contains("connection to ws://") && line.contains("failed"));

        // graceful stop: the socket is closed normally
        context.stop();
        awaitUntil("the close frame", () -> server.closeCodes.contains(1000));
        assertThat(server.connections()).isEqualTo(2);
        assertThat(logs.lines()).anyMatch(line -> line.contains("closed"));
        context = null;
    }

    @Test
    void aPartialRegistrationIsLoggedAndTheOthersAreReceived() throws Exception {
        server.registered = (connection, requested) -> List.of(DEV1);
        server.pushes = (connection, ids) -> List.of(
                PushServer.deviceChange("Shadow", "Report", DEV1, "$shadow/operation/result/PRODUCT/dev1",
                        base64("{\"type\":\"get\",\"result\":0}"), 11));
        start("deviceIds=" + DEV1 + "," + DEV2);

        awaitUntil("the push", () -> received.size() == 1);
        assertPush(received.get(0), "Shadow", "Report", DEV1, "$shadow/operation/result/PRODUCT/dev1", 11L,
                "{\"type\":\"get\",\"result\":0}");
        awaitUntil("three heartbeats", () -> server.heartbeatsOf(0).size() >= 3);
        assertThat(server.registrations).hasSize(1);
        assertThat(server.connections()).isEqualTo(1);
        assertThat(logs.lines()).anyMatch(line -> line.contains("1 of 2 devices were not registered")
                                                  && line.endsWith(": " + DEV2));
    }

    @Test
    void aRegistrationOfNoDeviceIsAFailureAndIsTriedAgain() throws Exception {
        // the documented failure: an empty error, an empty deviceIds
        server.registered = (connection, requested) -> connection == 0 ? List.of() : requested;
        start("deviceIds=" + DEV1 + "," + DEV2);

        awaitUntil("a second registration", () -> server.registrations.size() == 2);
        awaitUntil("a heartbeat on the second connection", () -> server.heartbeatsOf(1).size() >= 1);
        assertThat(server.heartbeatsOf(0)).isEmpty();
        assertThat(tokens.rejected).isEmpty();
        assertThat(tokens.asked.get()).isGreaterThanOrEqualTo(2);
        assertThat(logs.lines()).anyMatch(line -> line.contains("registered none of the 2 devices")
                                                  && line.contains("connecting again"));
        awaitUntil("the first connection's close", () -> server.closeCodes.contains(1000));
    }

    @Test
    void anInvalidTokenIsRejectedAndTheConsumerLogsInAgain() throws Exception {
        server.heartbeatData = (connection, requestId) -> connection == 0
                ? Map.of("Response", Map.of("Error", Map.of("Code", "InvalidParameterValue.InvalidAccessToken",
                        "Message", "Token无效"), "RequestId", requestId))
                : Map.of("Response", Map.of("RequestId", requestId));
        start("deviceIds=" + DEV1);

        awaitUntil("a second registration", () -> server.registrations.size() == 2);
        assertThat(tokens.rejected).containsExactly("token-secret-1");
        assertThat(server.registrations.get(1).params()).containsEntry("AccessToken", "token-secret-2")
                .containsEntry("DeviceIds", List.of(DEV1));
        awaitUntil("two heartbeats on the second connection", () -> server.heartbeatsOf(1).size() >= 2);
        assertThat(server.heartbeatsOf(1).get(0).params()).containsEntry("AccessToken", "token-secret-2");
        assertThat(server.registrations).hasSize(2);
        assertThat(logs.lines()).anyMatch(line -> line.contains("access token is invalid"));
    }

    @Test
    void anUnansweredHeartbeatCountsTheConnectionAsLost() throws Exception {
        server.heartbeatData = (connection, requestId) -> connection == 0
                ? null : Map.of("Response", Map.of("RequestId", requestId));
        start("deviceIds=" + DEV1);

        awaitUntil("a second registration", () -> server.registrations.size() == 2);
        assertThat(server.registrations.get(1).connection()).isEqualTo(1);
        awaitUntil("two heartbeats on the second connection", () -> server.heartbeatsOf(1).size() >= 2);
        assertThat(server.heartbeatsOf(0)).hasSize(1);
        assertThat(tokens.rejected).isEmpty();
        assertThat(logs.lines()).anyMatch(line -> line.contains("the heartbeat was not answered within heartbeatInterval"));
    }

    @Test
    void aServiceThatIsDownIsTriedAgainWithBackoffUntilItIsBack() throws Exception {
        start("deviceIds=" + DEV1);
        awaitUntil("the registration", () -> server.registrations.size() == 1);
        // the service goes away, and refuses the handshake while it is down
        server.down = true;
        server.drop(0);
        awaitUntil("two refused attempts", () -> server.refusedUpgrades.get() >= 2);
        int asked = tokens.asked.get();
        server.down = false;
        awaitUntil("a registration with the service that is back", () -> server.registrations.size() == 2);
        awaitUntil("a heartbeat", () -> server.heartbeatsOf(1).size() >= 1);
        assertThat(tokens.asked.get()).isGreaterThan(asked);
        assertThat(server.registrations.get(1).params()).containsEntry("AccessToken", "token-secret-1");
        // the attempts were logged with their reason
        assertThat(logs.lines()).anyMatch(line -> line.contains("failed (attempt 2)") && line.contains("HTTP 503"))
                .anyMatch(line -> line.contains("failed (attempt 3)"));
    }

    @Test
    void deviceIdsAreRequiredAndChecked() {
        assertThatThrownBy(() -> start("bridgeErrorHandler=false"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("deviceIds"));
        context.stop();
        assertThatThrownBy(() -> start("deviceIds=PRODUCT"))
                .satisfies(e -> assertThat(rootMessage(e)).contains("deviceIds").contains("ProductId/DeviceName"));
        assertThat(server.connections()).isZero();
    }

    private void start(String options) throws Exception {
        context = new DefaultCamelContext();
        // the credentials on the component, as in production: Camel's own debug log shows endpoint URIs as written
        TokenComponent component = new TokenComponent(tokens);
        component.getConfiguration().setAppKey(APP_KEY);
        component.getConfiguration().setAppSecret(APP_SECRET);
        context.addComponent("tencent-iot-explorer", component);
        String uri = "tencent-iot-explorer:push?" + options + "&pushUrl=" + server.url() + "&heartbeatInterval=200&reconnectInitialDelay=100"
                     + "&reconnectMaxDelay=1000";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> received.add(exchange.copy()));
            }
        });
        context.start();
    }

    private static void assertPush(Exchange exchange, String type, String subType, String deviceId, String topic,
                                   Long seq, String body) {
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(TencentIotExplorerConstants.PUSH_TYPE, type)
                .containsEntry(TencentIotExplorerConstants.PUSH_SUB_TYPE, subType)
                .containsEntry(TencentIotExplorerConstants.DEVICE_ID, deviceId)
                .containsEntry(TencentIotExplorerConstants.SEQ, seq);
        assertThat(exchange.getMessage().getHeader(TencentIotExplorerConstants.TOPIC)).isEqualTo(topic);
        assertThat(body(exchange)).isEqualTo(body);
    }

    private static String body(Exchange exchange) {
        return new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Waits up to 10 s for the condition. */
    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * A stand-in for the user's login: the same token until it is rejected, then a new one (a new login). It is not
     * the code under test: the consumer only uses the endpoint's accessToken() and tokenRejected(token).
     */
    static final class Tokens {

        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger logins = new AtomicInteger(1);
        final List<String> rejected = new CopyOnWriteArrayList<>();
        volatile String current = "token-secret-1";

        CompletableFuture<String> accessToken() {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(current);
        }

        synchronized void rejected(String token) {
            rejected.add(token);
            if (token.equals(current)) {
                current = "token-secret-" + logins.incrementAndGet();
            }
        }
    }

    /** The component, with endpoints whose token comes from {@link Tokens}. */
    @org.apache.camel.spi.annotations.Component("tencent-iot-explorer")
    static final class TokenComponent extends TencentIotExplorerComponent {

        private final Tokens tokens;

        TokenComponent(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
            TencentIotExplorerEndpoint endpoint = new TencentIotExplorerEndpoint(uri, this, getConfiguration().copy()) {
                @Override
                public CompletableFuture<String> accessToken() {
                    return tokens.accessToken();
                }

                @Override
                public void tokenRejected(String token) {
                    tokens.rejected(token);
                }
            };
            endpoint.setAction(remaining);
            setProperties(endpoint, parameters);
            return endpoint;
        }
    }
}
