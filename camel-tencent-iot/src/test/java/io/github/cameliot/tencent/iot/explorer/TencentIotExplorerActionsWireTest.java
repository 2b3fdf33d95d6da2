package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.test.ActionFixtures;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented application API action, end to end through a route: the documentation's example request (from the
 * emulator's action book {@code explorer.json}) goes out as the message body; what reaches the fake API must be a
 * POST of that request plus the common parameters to the right path (appapi, signed, for the actions called before
 * login; tokenapi with the AccessToken for the others); the documented answer comes back as the message body.
 */
class TencentIotExplorerActionsWireTest {

    static final ActionFixtures FIXTURES = new ActionFixtures("explorer");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TOKEN = "wire-test-token-0001";
    static final Set<String> COMMON = Set.of("Action", "RequestId", "AccessToken", "AppKey", "Timestamp");

    static ExplorerServer server;
    static CamelContext camel;
    static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        server = new ExplorerServer();
        server.validToken = TOKEN;
        server.fixtureLogin = true;
        server.answers = body -> MAPPER.convertValue(FIXTURES.read(String.valueOf(body.get("Action"))).get("response"), Map.class);
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").toD("tencent-iot-explorer:${header.fixtureAction}?endpoint=" + server.baseUrl()
                                        + "&appKey=" + ExplorerServer.APP_KEY + "&appSecret=RAW(" + ExplorerServer.APP_SECRET
                                        + ")&accessToken=RAW(" + TOKEN + ")&maxRetries=0");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        template.close();
        camel.close();
        server.close();
    }

    @BeforeEach
    void forgetEarlierRequests() throws InterruptedException {
        server.drain();
    }

    static List<String> fixtureActions() throws Exception {
        return FIXTURES.actions();
    }

    @Test
    void everyCatalogActionHasAFixtureAndEveryFixtureIsACatalogAction() throws Exception {
        List<String> catalog = TencentIotExplorerActions.CATALOG.actions().stream().map(ActionSpec::name).toList();

        assertThat(catalog).hasSize(86);
        assertThat(fixtureActions()).containsExactlyInAnyOrderElementsOf(catalog);
        // the emulator's book calls each action where the component does, with the same required parameters
        for (ActionSpec spec : TencentIotExplorerActions.CATALOG.actions()) {
            JsonNode entry = FIXTURES.read(spec.name());
            assertThat(entry.path("endpoint").asText()).as("the endpoint of %s", spec.name())
                    .isEqualTo(TencentIotExplorerActions.isAppApi(spec.name()) ? "appapi" : "tokenapi");
            assertThat(MAPPER.convertValue(entry.path("required"), List.class)).as("the required of %s", spec.name())
                    .isEqualTo(spec.requiredParameters());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureActions")
    @SuppressWarnings("unchecked")
    void sendsTheDocumentedRequestAndAnswersWithTheDocumentedResponse(String action) throws Exception {
        JsonNode fixture = FIXTURES.read(action);
        Map<String, Object> parameters = MAPPER.treeToValue(fixture.get("request"), Map.class);
        ActionSpec spec = TencentIotExplorerActions.CATALOG.spec(action);
        boolean appApi = TencentIotExplorerActions.isAppApi(action);

        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader("fixtureAction", action);
        exchange.getMessage().setBody(new LinkedHashMap<>(parameters));
        Exchange done = template.send("direct:call", exchange);

        RecordedRequest request = server.take();
        assertThat(request).as("the request of %s", action).isNotNull();
        assertThat(server.server.takeRequest(0, TimeUnit.MILLISECONDS)).as("a second request").isNull();
        assertThat(server.problems).as("what the server found wrong").isEmpty();
        assertThat(request.getUrl().encodedPath()).isEqualTo(ExplorerServer.BASE + (appApi ? "appapi" : "tokenapi"));

        Map<String, Object> body = MAPPER.readValue(request.getBody().toByteArray(), Map.class);
        assertThat(body).containsEntry("Action", action);
        if (appApi) {
            assertThat(body).containsKeys("Signature", "Timestamp", "Nonce").doesNotContainKey("AccessToken");
            assertThat(body.get("Signature")).isEqualTo(ExplorerServer.signature(body, ExplorerServer.APP_SECRET));
        } else {
            assertThat(body).containsEntry("AccessToken", TOKEN).doesNotContainKeys("AppKey", "Timestamp");
        }
        Map<String, Object> business = new LinkedHashMap<>(body);
        business.keySet().removeAll(COMMON);
        if (appApi) {
            business.remove("Nonce");
            business.remove("Signature");
        }
        Map<String, Object> expected = new LinkedHashMap<>(parameters);
        if (spec.isPaged()) {
            expected.putIfAbsent("Offset", 0);
            expected.putIfAbsent("Limit", spec.paging().maxPageSize());
        }
        assertThat((JsonNode) MAPPER.valueToTree(business)).as("the business parameters of %s", action).isEqualTo((JsonNode) MAPPER.valueToTree(expected));

        assertThat(done.getException()).as("the exchange's exception").isNull();
        JsonNode response = fixture.get("response");
        JsonNode fields = response.has("Response") ? response.get("Response") : response;
        assertThat((JsonNode) MAPPER.valueToTree(done.getMessage().getBody())).as("the answer of %s", action).isEqualTo(fields);
        assertThat(done.getMessage().getHeader(TencentIotExplorerConstants.REQUEST_ID)).as("the request id header")
                .isNotNull();
    }
}
