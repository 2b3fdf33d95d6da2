package io.github.cameliot.cloudapi.test;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Tencent components' wire tests' setting: a MockWebServer that answers each action ({@code X-TC-Action}) with
 * its fixture's documented response, and a Camel context whose route {@code direct:call} calls the action named in the
 * header {@code fixtureAction} on that server, with a fake key and no retries.
 */
public final class TencentActionWire implements AutoCloseable {

    public final MockWebServer server = new MockWebServer();
    public final CamelContext camel = new DefaultCamelContext();
    public final ProducerTemplate template;

    /**
     * @param scheme the component, such as {@code tencent-iot}
     */
    public TencentActionWire(String scheme, ActionFixtures fixtures, String region, String secretId, String secretKey)
            throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(fixtures, request.getHeaders().get("X-TC-Action"));
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call")
                        .toD(scheme + ":${header.fixtureAction}?region=" + region + "&endpoint=http://127.0.0.1:"
                             + server.getPort() + "&secretId=" + secretId + "&secretKey=" + secretKey + "&maxRetries=0");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** The fixture's documented answer for the action, or an API error for an action without a fixture. */
    static MockResponse answer(ActionFixtures fixtures, String action) {
        String body;
        if (fixtures.has(action)) {
            body = fixtures.read(action).get("response").toString();
        } else {
            body = "{\"Response\":{\"Error\":{\"Code\":\"InvalidAction\",\"Message\":\"no fixture for " + action
                   + "\"},\"RequestId\":\"no-fixture\"}}";
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** Drops the requests left by an earlier test, so that they are not taken for the next test's. */
    public void forgetEarlierRequests() throws InterruptedException {
        while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // dropped
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        camel.close();
        server.close();
    }
}
