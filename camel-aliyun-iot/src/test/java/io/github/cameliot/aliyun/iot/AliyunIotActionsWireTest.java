package io.github.cameliot.aliyun.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.FieldPath;
import io.github.cameliot.cloudapi.Paging;
import io.github.cameliot.cloudapi.test.ActionFixtures;
import io.github.cameliot.cloudapi.test.AliyunRpcVerifier;
import io.github.cameliot.cloudapi.test.NoDelayServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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
 * Every documented IoT Platform action, end to end through a route of its own
 * ({@code to("aliyun-iot:<Action>?...")}): the fixture's request goes out as the message body, and what reaches a
 * {@link MockWebServer} must be exactly the fixture's {@code wire} parameters (lists flattened as {@code Name.N} and
 * {@code Name.N.Field}, JSON-typed parameters as JSON text, every value a string), signed as the cloud checks it
 * ({@link AliyunRpcVerifier}, which recomputes the signature independently); the fixture's documented answer must come
 * back as the message.
 * <p>
 * The server's dispatcher checks each request itself and answers a mismatch with an API error, so that a wrong request
 * also fails the exchange; the test thread then checks the recorded request again, for a readable diff.
 */
class AliyunIotActionsWireTest {

    /** A fake key pair, shaped like a real one. */
    static final String ACCESS_KEY_ID = "LTAI5tWireTestKeyId00000";
    static final String ACCESS_KEY_SECRET = "WireTestAccessKeySecret000000000";
    static final String REGION = "cn-shanghai";
    static final String VERSION = "2018-01-20";
    static final ActionFixtures FIXTURES = new ActionFixtures("aliyun-iot");

    /**
     * What the producer adds to a fixture's wire parameters, by action: a list action whose request names no page
     * gets the first page at the largest page size the action accepts (as every list action of the suite does). Only
     * QueryDeviceListByDeviceGroup's documented example leaves its (optional) page out.
     */
    static final Map<String, Map<String, String>> FIRST_PAGE_ADDED = Map.of(
            "QueryDeviceListByDeviceGroup", Map.of("CurrentPage", "1", "PageSize", "50"));

    /** A plain mapper, as a user's route would have; independent of the component's own. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static MockWebServer server;
    static CamelContext camel;
    static ProducerTemplate template;
    /** What the dispatcher found wrong with the requests it answered. */
    static final Queue<String> dispatcherProblems = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);

        List<String> actions = fixtureActions();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (String action : actions) {
                    from("direct:" + action).routeId(action)
                            .to("aliyun-iot:" + action + "?regionId=" + REGION + "&endpoint=http://127.0.0.1:"
                                + server.getPort() + "&accessKeyId=" + ACCESS_KEY_ID + "&accessKeySecret=RAW("
                                + ACCESS_KEY_SECRET + ")&maxRetries=0");
                }
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (template != null) {
            template.close();
        }
        if (camel != null) {
            camel.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() throws InterruptedException {
        while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // a request left by a failed test must not be taken for this test's
        }
        dispatcherProblems.clear();
    }

    /**
     * The fixture's documented answer when the request is exactly the fixture's call; an API error (HTTP 400 with
     * {@code Code} and {@code Message}, as the cloud answers) naming the problem otherwise.
     */
    static MockResponse answer(RecordedRequest request) {
        String problem;
        String action = AliyunRpcVerifier.parameters(request).get("Action");
        try {
            Map<String, String> own = AliyunRpcVerifier.verify(request, VERSION, ACCESS_KEY_SECRET);
            if (!FIXTURES.has(action)) {
                problem = "no fixture for action " + action;
            } else if (!own.equals(expectedWire(action))) {
                problem = action + " sent " + own + ", expected " + expectedWire(action);
            } else {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json;charset=utf-8")
                        .body(fixture(action).get("response").toString()).build();
            }
        } catch (AssertionError e) {
            problem = action + ": " + e.getMessage();
        }
        dispatcherProblems.add(problem);
        ObjectNode error = MAPPER.createObjectNode().put("RequestId", "wire-mismatch").put("Code", "TestWireMismatch")
                .put("Message", problem);
        return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json;charset=utf-8")
                .body(error.toString()).build();
    }

    static JsonNode fixture(String action) {
        return FIXTURES.read(action);
    }

    /** The fixture's wire parameters, with what the producer adds ({@link #FIRST_PAGE_ADDED}). */
    static Map<String, String> expectedWire(String action) {
        Map<String, String> wire = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = fixture(action).get("wire").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new IllegalStateException("The wire value of " + action + "." + field.getKey() + " is not a string");
            }
            wire.put(field.getKey(), field.getValue().textValue());
        }
        wire.putAll(FIRST_PAGE_ADDED.getOrDefault(action, Map.of()));
        return wire;
    }

    static List<String> fixtureActions() throws IOException, URISyntaxException {
        return FIXTURES.actions();
    }

    @Test
    void everyCatalogActionHasAFixtureAndEveryFixtureIsACatalogAction() throws Exception {
        List<String> catalog = AliyunIotActions.CATALOG.actions().stream().map(ActionSpec::name).toList();

        assertThat(catalog).hasSize(88).doesNotHaveDuplicates();
        assertThat(fixtureActions()).hasSize(88).containsExactlyInAnyOrderElementsOf(catalog);
        // every fixture is complete, so that the parameterized test below checks a request and an answer for each
        for (String action : catalog) {
            JsonNode fixture = fixture(action);
            assertThat(fixture.path("request").isObject()).as("request of %s is an object", action).isTrue();
            assertThat(fixture.path("wire").isObject()).as("wire of %s is an object", action).isTrue();
            assertThat(fixture.path("response").isObject()).as("response of %s is an object", action).isTrue();
            assertThat(fixture.get("response").path("RequestId").isTextual()).as("RequestId of %s", action).isTrue();
        }
        // the producer's additions are to actions that exist, and are first pages of list actions
        for (String action : FIRST_PAGE_ADDED.keySet()) {
            assertThat(AliyunIotActions.CATALOG.spec(action).isPaged()).as("%s is a list action", action).isTrue();
            assertThat(fixture(action).get("request").has("CurrentPage")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureActions")
    void sendsTheFixtureRequestAndAnswersWithTheDocumentedResponse(String action) throws Exception {
        JsonNode fixture = fixture(action);
        JsonNode expectedResponse = fixture.get("response");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = MAPPER.treeToValue(fixture.get("request"), Map.class);

        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        Exchange done = template.send("direct:" + action, exchange);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("the request %s sent", action).isNotNull();
        assertWireRequest(request, action);
        assertThat(server.takeRequest(0, TimeUnit.MILLISECONDS)).as("a second request").isNull();
        assertThat(dispatcherProblems).as("what the server found wrong").isEmpty();

        assertThat(done.getException()).as("the exchange's exception").isNull();
        assertAnswer(done, action, expectedResponse);
    }

    private static void assertWireRequest(RecordedRequest request, String action) {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/");
        assertThat(request.getUrl().encodedQuery()).as("a query string").isNull();
        assertThat(request.getHeaders().get("Host")).isEqualTo("127.0.0.1:" + server.getPort());
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");

        Map<String, String> all = AliyunRpcVerifier.parameters(request);
        assertThat(all).containsEntry("Action", action).containsEntry("Version", VERSION).containsEntry("Format", "JSON")
                .containsEntry("RegionId", REGION).containsEntry("AccessKeyId", ACCESS_KEY_ID)
                .doesNotContainKey("SecurityToken").doesNotContainKey("IotInstanceId");
        assertThat(request.getBody().utf8()).as("the form body").doesNotContain(ACCESS_KEY_SECRET);

        // checks the signature, Format, Version and the other common parameters, and answers the action's own
        Map<String, String> own = AliyunRpcVerifier.verify(request, VERSION, ACCESS_KEY_SECRET);
        assertThat(own).as("the parameters of %s on the wire", action).containsExactlyInAnyOrderEntriesOf(expectedWire(action));
    }

    private static void assertAnswer(Exchange done, String action, JsonNode expectedResponse) throws Exception {
        Object body = done.getMessage().getBody();
        assertThat(done.getMessage().getHeader(AliyunIotConstants.REQUEST_ID)).as("the request id header")
                .isEqualTo(expectedResponse.get("RequestId").textValue());

        JsonNode messageId = expectedResponse.has("MessageId") ? expectedResponse.get("MessageId")
                : expectedResponse.path("Data").get("MessageId");
        // as text, exactly: the 18-digit ids of Pub and RRpc do not survive a double
        assertThat(done.getMessage().getHeader(AliyunIotConstants.MESSAGE_ID)).as("the message id header")
                .isEqualTo(messageId == null ? null : messageId.asText());

        if (AliyunIotActions.RRPC.equals(action)) {
            byte[] reply = Base64.getDecoder().decode(expectedResponse.get("PayloadBase64Byte").textValue());
            assertThat(body).isInstanceOf(byte[].class);
            assertThat((byte[]) body).isEqualTo(reply);
            assertThat(done.getMessage().getHeader(AliyunIotConstants.RRPC_CODE))
                    .isEqualTo(expectedResponse.get("RrpcCode").textValue());
            return;
        }

        assertThat(body).as("the body of the answer to %s", action).isInstanceOf(Map.class);
        // through JSON text, so that the component's Long, BigInteger and BigDecimal compare equal to the fixture's numbers
        JsonNode answer = MAPPER.readTree(MAPPER.writeValueAsBytes(body));
        assertThat(answer).as("the answer to %s", action).isEqualTo(expectedResponse);
        assertThat(done.getMessage().getHeader(AliyunIotConstants.RRPC_CODE)).isNull();

        if (AliyunIotActions.GET_DEVICE_SHADOW.equals(action)) {
            JsonNode version = MAPPER.readTree(expectedResponse.get("ShadowMessage").textValue()).path("version");
            assertThat(version.isIntegralNumber()).as("the fixture's ShadowMessage version").isTrue();
            assertThat(done.getMessage().getHeader(AliyunIotConstants.SHADOW_VERSION)).isEqualTo(version.asLong());
        } else {
            assertThat(done.getMessage().getHeader(AliyunIotConstants.SHADOW_VERSION)).isNull();
        }
    }

    /**
     * Where the catalog's paging looks in an answer is where the documented answer of that action has its items, its
     * total and its cursor, so that {@code paginate=true} reads real answers.
     */
    @Test
    void thePagingOfEveryListActionMatchesItsDocumentedAnswer() throws Exception {
        List<String> paged = new ArrayList<>();
        for (ActionSpec spec : AliyunIotActions.CATALOG.actions()) {
            if (!spec.isPaged()) {
                continue;
            }
            paged.add(spec.name());
            @SuppressWarnings("unchecked")
            Map<String, Object> response = MAPPER.treeToValue(fixture(spec.name()).get("response"), Map.class);
            Paging paging = spec.paging();
            assertThat(FieldPath.get(response, paging.itemsPath())).as("%s items at %s", spec.name(), paging.itemsPath())
                    .isInstanceOfSatisfying(List.class, items -> assertThat(items).isNotEmpty());
            assertThat(fixture(spec.name()).get("request").has(paging.sizeParameter()) || spec.optionalParameters()
                    .contains(paging.sizeParameter())).as("%s takes %s", spec.name(), paging.sizeParameter()).isTrue();
            if (paging instanceof Paging.PageNumber pages) {
                Object total = FieldPath.get(response, pages.totalPath());
                // ListProductByTags answers no total: its short page is the last
                if (!"ListProductByTags".equals(spec.name())) {
                    assertThat(total).as("%s total at %s", spec.name(), pages.totalPath()).isInstanceOf(Number.class);
                }
            } else if (paging instanceof Paging.Cursor cursor) {
                assertThat(FieldPath.get(response, cursor.nextCursorPath())).as("%s cursor", spec.name()).isInstanceOf(Number.class);
                assertThat(FieldPath.get(response, cursor.hasMorePath())).as("%s has more", spec.name()).isInstanceOf(Boolean.class);
                assertThat(cursor.cursorParameter()).isEqualTo("StartTime");
            }
        }
        assertThat(paged).hasSize(15);
    }

    /** Keeps the list of the actions with a list parameter in step with the fixtures that flatten one. */
    @Test
    void everyFixtureThatFlattensAListIsOfAnActionWithThatListParameter() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (String action : fixtureActions()) {
            fixture(action).get("wire").fieldNames().forEachRemaining(name -> {
                int dot = name.indexOf('.');
                if (dot > 0 && !AliyunIotActions.isListParameter(action, name.substring(0, dot))) {
                    unknown.add(action + ": " + name);
                }
            });
        }
        assertThat(unknown).isEmpty();
    }
}
