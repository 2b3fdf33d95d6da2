package io.github.cameliot.tencent.iot.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import io.github.cameliot.cloudapi.test.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The producer and the token lifecycle against a fake API over real HTTP: the login and its reuse until ExpireAt,
 * one login and one replay after InvalidAccessToken, one shared login for concurrent callers, the checks before any
 * request, the payload conveniences, both answer shapes, and no secret in the logs.
 */
class TencentIotExplorerProducerTest {

    static final String LOGIN = "&login.WxOpenID=0123456789&login.NickName=tests&login.Avatar=RAW(http://example.com/a.jpg)";

    ExplorerServer server;
    CamelContext camel;
    ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        server = new ExplorerServer();
        camel = new DefaultCamelContext();
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        template.close();
        camel.close();
        server.close();
        assertThat(server.problems).as("what the server found wrong").isEmpty();
    }

    String uri(String action, String options) {
        return "tencent-iot-explorer:" + action + "?endpoint=" + server.baseUrl() + "&appKey=" + ExplorerServer.APP_KEY
               + "&appSecret=RAW(" + ExplorerServer.APP_SECRET + ")&maxRetries=0" + options;
    }

    void route(String action, String options) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri(action, options));
            }
        });
    }

    List<Map<String, Object>> bodiesOf(String action) {
        return server.bodies.stream().filter(body -> action.equals(body.get("Action"))).toList();
    }

    @Test
    void logsInOnFirstUseAndKeepsTheTokenUntilItExpires() throws Exception {
        route("AppGetFamilyList", LOGIN);

        template.requestBody("direct:call", (Object) null);
        template.requestBody("direct:call", (Object) null);

        assertThat(server.logins).hasValue(1);
        assertThat(bodiesOf("AppGetFamilyList")).hasSize(2).allSatisfy(body -> assertThat(body).containsEntry("AccessToken", "token-1"));
        assertThat(bodiesOf("AppGetTokenByWeiXin")).singleElement().satisfies(body -> assertThat(body)
                .containsEntry("WxOpenID", "0123456789").containsEntry("NickName", "tests")
                .containsEntry("Avatar", "http://example.com/a.jpg"));
    }

    @Test
    void endpointsOfTheSameUserShareOneLogin() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:families").to(uri("AppGetFamilyList", LOGIN));
                from("direct:family").to(uri("AppDescribeFamily", LOGIN + "&readTimeout=20000"));
                from("direct:other-user").to(uri("AppGetFamilyList", LOGIN.replace("0123456789", "987654321")));
            }
        });

        template.requestBody("direct:families", (Object) null);
        template.requestBody("direct:family", Map.of("FamilyId", "f1"));
        assertThat(server.logins).hasValue(1);
        assertThat(bodiesOf("AppDescribeFamily")).singleElement().satisfies(body -> assertThat(body)
                .containsEntry("AccessToken", "token-1"));

        template.requestBody("direct:other-user", (Object) null);
        assertThat(server.logins).as("another user logs in on his own").hasValue(2);
    }

    @Test
    void anExpiredTokenLeadsToExactlyOneNewLogin() throws Exception {
        route("AppGetFamilyList", LOGIN);
        server.expireAt = System.currentTimeMillis() / 1000 + 30; // within the 60 s margin: expired at once

        template.requestBody("direct:call", (Object) null);
        server.expireAt = System.currentTimeMillis() / 1000 + 7200;
        template.requestBody("direct:call", (Object) null);
        template.requestBody("direct:call", (Object) null);

        assertThat(server.logins).hasValue(2);
        assertThat(server.tokenCalls).as("no replay: the expiry is seen before the call").hasValue(3);
        assertThat(bodiesOf("AppGetFamilyList")).extracting(body -> body.get("AccessToken"))
                .containsExactly("token-1", "token-2", "token-2");
    }

    @Test
    void aRejectedTokenLeadsToOneLoginAndOneReplay() throws Exception {
        route("AppGetFamilyList", "&accessToken=RAW(stale-token)" + LOGIN);
        server.validToken = "token-1";

        Object answer = template.requestBody("direct:call", (Object) null);

        assertThat(answer).isInstanceOf(Map.class);
        assertThat(server.logins).hasValue(1);
        assertThat(bodiesOf("AppGetFamilyList")).extracting(body -> body.get("AccessToken"))
                .containsExactly("stale-token", "token-1");
    }

    @Test
    void aReplayIsTriedOnceOnly() throws Exception {
        route("AppGetFamilyList", "&accessToken=RAW(stale-token)" + LOGIN);
        server.rejectAllTokens = true;

        Exchange failed = template.send("direct:call", exchange -> {
        });
        assertThat(failed.getException()).isInstanceOf(TencentCloudApiException.class);
        assertThat(((TencentCloudApiException) failed.getException()).getErrorCode())
                .isEqualTo("InvalidParameterValue.InvalidAccessToken");
        assertThat(server.logins).hasValue(1);
        assertThat(server.tokenCalls).hasValue(2);
    }

    @Test
    void withoutLoginParametersARejectedTokenFailsWithoutReplay() throws Exception {
        route("AppGetFamilyList", "&accessToken=RAW(stale-token)");
        server.validToken = "other";

        Exchange failed = template.send("direct:call", exchange -> {
        });

        assertThat(failed.getException()).isInstanceOf(TencentCloudApiException.class);
        assertThat(server.logins).hasValue(0);
        assertThat(server.tokenCalls).hasValue(1);
    }

    @Test
    void fiftyConcurrentCallsWithAnExpiredTokenShareOneLogin() throws Exception {
        route("AppGetFamilyList", LOGIN);
        server.expireAt = System.currentTimeMillis() / 1000 + 30;
        template.requestBody("direct:call", (Object) null);
        assertThat(server.logins).hasValue(1);

        server.expireAt = System.currentTimeMillis() / 1000 + 7200;
        server.loginDelayMillis = 500;
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(template.asyncSend("direct:call", exchange -> {
            }));
        }
        for (CompletableFuture<Exchange> call : calls) {
            Exchange done = call.get(20, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
        }

        assertThat(server.logins).as("logins after the first").hasValue(2);
        assertThat(bodiesOf("AppGetFamilyList")).hasSize(51);
        assertThat(bodiesOf("AppGetFamilyList").subList(1, 51)).allSatisfy(body -> assertThat(body)
                .containsEntry("AccessToken", "token-2"));
    }

    @Test
    void missingRequiredParametersAreRejectedBeforeAnyRequest() throws Exception {
        route("AppControlDeviceData", "&accessToken=t" + LOGIN);

        Exchange failed = template.send("direct:call", exchange -> exchange.getMessage().setBody(Map.of("ProductId", "P1")));

        assertThat(failed.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AppControlDeviceData").hasMessageContaining("DeviceName").hasMessageContaining("Data");
        assertThat(server.server.getRequestCount()).isZero();
    }

    @Test
    void controlTakesThePropertiesFromTheBody() throws Exception {
        route("AppControlDeviceData", "&accessToken=t&productId=P1");

        template.requestBodyAndHeader("direct:call", Map.of("light_switch", 0), TencentIotExplorerConstants.DEVICE_NAME, "light1");

        assertThat(bodiesOf("AppControlDeviceData")).singleElement().satisfies(body -> assertThat(body)
                .containsEntry("ProductId", "P1").containsEntry("DeviceName", "light1")
                .containsEntry("Data", "{\"light_switch\":0}").containsEntry("AccessToken", "t"));
    }

    @Test
    void publishesBytesSignedWithoutAToken() throws Exception {
        route("AppApiPublishMessage", "&productId=P1&deviceName=dev1");
        byte[] payload = {0, 1, 2, (byte) 0xff};

        template.requestBody("direct:call", Map.of("Topic", "P1/dev1/control", "Payload", payload));

        assertThat(server.logins).hasValue(0);
        assertThat(bodiesOf("AppApiPublishMessage")).singleElement().satisfies(body -> assertThat(body)
                .containsEntry("Payload", Base64.getEncoder().encodeToString(payload))
                .containsEntry("PayloadEncoding", "base64").containsEntry("ProductId", "P1").containsKey("Signature")
                .doesNotContainKey("AccessToken"));
    }

    @Test
    void readsTheSdkEnvelopeForLoginAndCalls() throws Exception {
        route("AppDescribeFamily", LOGIN);
        server.sdkEnvelope = true;
        server.answers = body -> Map.of("Data", Map.of("FamilyId", "f1"), "RequestId", "env-1");

        Exchange done = template.send("direct:call", exchange -> exchange.getMessage().setBody(Map.of("FamilyId", "f1")));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(Map.class)).containsEntry("Data", Map.of("FamilyId", "f1"));
        assertThat(done.getMessage().getHeader(TencentIotExplorerConstants.REQUEST_ID)).isEqualTo("env-1");
        assertThat(server.logins).hasValue(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void paginateFetchesEveryPage() throws Exception {
        route("AppGetFamilyList", "&accessToken=t&paginate=true");
        List<Map<String, Object>> families = List.of(Map.of("FamilyId", "f1"), Map.of("FamilyId", "f2"),
                Map.of("FamilyId", "f3"));
        server.answers = body -> {
            int offset = ((Number) body.get("Offset")).intValue();
            int limit = ((Number) body.get("Limit")).intValue();
            return Map.of("Response", Map.of("Total", 3, "FamilyList",
                    families.subList(offset, Math.min(3, offset + limit)), "RequestId", "p" + offset));
        };

        Map<String, Object> answer = template.requestBody("direct:call", Map.of("Limit", 2), Map.class);

        assertThat((List<Object>) answer.get("FamilyList")).isEqualTo(families);
        assertThat(bodiesOf("AppGetFamilyList")).extracting(body -> body.get("Offset")).containsExactly(0, 2);
    }

    @Test
    void undocumentedActionsGoToTokenApi() throws Exception {
        route("AppGetUserSetting", "&accessToken=t");

        template.requestBody("direct:call", (Object) null);

        assertThat(bodiesOf("AppGetUserSetting")).singleElement().satisfies(body -> assertThat(body)
                .containsEntry("AccessToken", "t"));
    }

    @Test
    void secretsConfiguredOnTheComponentAppearInNoLogLineOrException() throws Exception {
        TencentIotExplorerComponent component = camel.getComponent("tencent-iot-explorer", TencentIotExplorerComponent.class);
        component.getConfiguration().setAppSecret(ExplorerServer.APP_SECRET);
        component.getConfiguration().setAccessToken("stale-token-secret");
        component.getConfiguration().setLoginParameters(Map.of("WxOpenID", "0123456789", "NickName", "tests",
                "Avatar", "http://example.com/a.jpg"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("tencent-iot-explorer:AppGetFamilyList?endpoint=" + server.baseUrl() + "&appKey="
                                       + ExplorerServer.APP_KEY + "&maxRetries=0");
            }
        });
        try (LogCapture logs = LogCapture.start()) {
            server.validToken = "token-1";
            template.requestBody("direct:call", (Object) null);
            server.rejectAllTokens = true;
            Exchange failed = template.send("direct:call", exchange -> {
            });

            String everything = String.join("\n", logs.lines()) + "\n" + failed.getException();
            assertThat(server.logins).hasValue(2);
            assertThat(everything).contains("InvalidParameterValue.InvalidAccessToken");
            assertThat(everything).doesNotContain(ExplorerServer.APP_SECRET).doesNotContain("stale-token-secret")
                    .doesNotContain("token-1").doesNotContain("token-2");
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
