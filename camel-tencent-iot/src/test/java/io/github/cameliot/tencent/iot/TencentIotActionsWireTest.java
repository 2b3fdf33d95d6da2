package io.github.cameliot.tencent.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.test.ActionFixtures;
import io.github.cameliot.cloudapi.test.TencentActionWire;
import io.github.cameliot.cloudapi.test.Tc3Verifier;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented IoT Hub action, end to end through a route: the documentation's example request goes out as the
 * message body, and what reaches a {@link MockWebServer} must be exactly the documented API 3.0 call, signed with
 * TC3-HMAC-SHA256 (checked by the independent {@link Tc3Verifier}); the documented example answer must come back as
 * the message.
 */
class TencentIotActionsWireTest {

    /** A fake key pair, shaped like a real one. */
    static final String SECRET_ID = "AKIDtestSecretId0000000000000000000";
    static final String SECRET_KEY = "testSecretKey0000000000000000000";
    static final String REGION = "ap-guangzhou";
    static final ActionFixtures FIXTURES = new ActionFixtures("iotcloud");

    /** A plain mapper, as a user's route would have; independent of the component's own. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static TencentActionWire wire;
    static MockWebServer server;
    static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        wire = new TencentActionWire("tencent-iot", FIXTURES, REGION, SECRET_ID, SECRET_KEY);
        server = wire.server;
        template = wire.template;
    }

    @AfterAll
    static void stop() throws Exception {
        if (wire != null) {
            wire.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() throws InterruptedException {
        wire.forgetEarlierRequests();
    }

    static JsonNode fixture(String action) {
        return FIXTURES.read(action);
    }

    static List<String> fixtureActions() throws IOException, URISyntaxException {
        return FIXTURES.actions();
    }

    @Test
    void everyCatalogActionHasAFixtureAndEveryFixtureIsACatalogAction() throws Exception {
        List<String> catalog = TencentIotActions.CATALOG.actions().stream().map(ActionSpec::name).toList();

        assertThat(catalog).hasSize(39);
        assertThat(fixtureActions()).containsExactlyInAnyOrderElementsOf(catalog);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureActions")
    void sendsTheDocumentedRequestAndAnswersWithTheDocumentedResponse(String action) throws Exception {
        JsonNode fixture = fixture(action);
        JsonNode expectedRequest = fixture.get("request");
        JsonNode expectedResponse = fixture.get("response").get("Response");
        assertThat(expectedRequest).as("request of the fixture").isNotNull();
        assertThat(expectedResponse).as("response.Response of the fixture").isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = MAPPER.treeToValue(expectedRequest, Map.class);

        Exchange exchange = new DefaultExchange(wire.camel);
        exchange.getMessage().setHeader("fixtureAction", action);
        exchange.getMessage().setBody(parameters);
        long before = System.currentTimeMillis() / 1000;
        Exchange done = template.send("direct:call", exchange);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("the request %s sent", action).isNotNull();
        assertWireRequest(request, action, expectedRequest, before);
        assertThat(server.takeRequest(0, TimeUnit.MILLISECONDS)).as("a second request").isNull();

        assertThat(done.getException()).as("the exchange's exception").isNull();
        assertAnswer(done, action, expectedResponse);
    }

    private static void assertWireRequest(RecordedRequest request, String action, JsonNode expectedBody, long before)
            throws IOException {
        Headers headers = request.getHeaders();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/");
        assertThat(request.getUrl().encodedQuery()).isNull();
        assertThat(headers.get("Host")).isEqualTo("127.0.0.1:" + server.getPort());
        assertThat(headers.get("X-TC-Action")).isEqualTo(action);
        assertThat(headers.get("X-TC-Version")).isEqualTo("2021-04-08");
        assertThat(headers.get("X-TC-Region")).isEqualTo(REGION);
        assertThat(headers.get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(headers.get("X-TC-Token")).as("X-TC-Token without a session token").isNull();
        assertThat(headers.get("X-TC-Language")).as("X-TC-Language without a language").isNull();

        String timestamp = headers.get("X-TC-Timestamp");
        assertThat(timestamp).as("X-TC-Timestamp").isNotNull().matches("[0-9]+");
        long now = System.currentTimeMillis() / 1000;
        assertThat(Long.parseLong(timestamp)).as("X-TC-Timestamp").isBetween(before - 300, now + 300);

        assertThat(request.getBody()).as("the body").isNotNull();
        JsonNode body = MAPPER.readTree(request.getBody().toByteArray());
        assertThat(body).as("the JSON body of %s", action).isEqualTo(expectedBody);

        assertThat(headers.get("Authorization")).startsWith("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/")
                .contains("/iotcloud/tc3_request").doesNotContain(SECRET_KEY);
        Tc3Verifier.assertSigned(request, "iotcloud", SECRET_ID, SECRET_KEY);
    }

    private static void assertAnswer(Exchange done, String action, JsonNode expectedResponse) throws Exception {
        Object body = done.getMessage().getBody();
        assertThat(done.getMessage().getHeader(TencentIotConstants.REQUEST_ID))
                .isEqualTo(expectedResponse.get("RequestId").asText());

        if (TencentIotActions.PUBLISH_RRPC_MESSAGE.equals(action)) {
            byte[] reply = Base64.getDecoder().decode(expectedResponse.get("PayloadBase64").asText());
            assertThat(body).isInstanceOf(byte[].class);
            assertThat((byte[]) body).isEqualTo(reply);
            Object messageId = done.getMessage().getHeader(TencentIotConstants.MESSAGE_ID);
            assertThat(messageId).as("the MessageId header").isInstanceOf(Number.class);
            assertThat(((Number) messageId).longValue()).as("the MessageId header")
                    .isEqualTo(expectedResponse.get("MessageId").asLong());
            return;
        }

        assertThat(body).as("the body of the answer to %s", action).isInstanceOf(Map.class);
        // through JSON text, so that the component's Long and BigDecimal compare equal to the fixture's numbers
        JsonNode answer = MAPPER.readTree(MAPPER.writeValueAsBytes(body));
        assertThat(answer).as("the answer to %s", action).isEqualTo(expectedResponse);

        if (TencentIotActions.DESCRIBE_DEVICE_SHADOW.equals(action) || TencentIotActions.UPDATE_DEVICE_SHADOW.equals(action)) {
            JsonNode version = MAPPER.readTree(expectedResponse.get("Data").asText()).path("payload").path("version");
            assertThat(version.isIntegralNumber()).as("the fixture's Data payload.version").isTrue();
            assertThat(done.getMessage().getHeader(TencentIotConstants.SHADOW_VERSION)).isEqualTo(version.asLong());
        } else {
            assertThat(done.getMessage().getHeader(TencentIotConstants.SHADOW_VERSION)).isNull();
        }
    }
}
