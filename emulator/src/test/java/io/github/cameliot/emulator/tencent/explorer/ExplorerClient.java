package io.github.cameliot.emulator.tencent.explorer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.sign.TencentAppApiSigner;

/**
 * A plain HTTP client of the emulated application API, written from the documentation: appapi requests signed with
 * {@link TencentAppApiSigner}, tokenapi requests with an AccessToken, and any request spoiled on purpose.
 */
final class ExplorerClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String appKey;
    private final String appSecret;

    ExplorerClient(ExplorerEmulator explorer) {
        this.base = explorer.url();
        this.appKey = explorer.appKey();
        this.appSecret = explorer.appSecret();
    }

    /** The body of a signed appapi request, now, with a fresh Nonce. */
    Map<String, Object> signed(String action, Map<String, ?> params) {
        return signed(action, params, appKey, appSecret, System.currentTimeMillis() / 1000);
    }

    static Map<String, Object> signed(String action, Map<String, ?> params, String appKey, String appSecret,
                                      long timestamp) {
        Map<String, Object> body = new LinkedHashMap<>(params);
        body.put("Action", action);
        body.put("RequestId", UUID.randomUUID().toString());
        body.put("AppKey", appKey);
        body.put("Timestamp", timestamp);
        body.put("Nonce", ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
        body.put("Signature", TencentAppApiSigner.sign(body, appSecret));
        return body;
    }

    static Map<String, Object> withToken(String action, Map<String, ?> params, String token) {
        Map<String, Object> body = new LinkedHashMap<>(params);
        body.put("Action", action);
        body.put("RequestId", UUID.randomUUID().toString());
        body.put("AccessToken", token);
        return body;
    }

    /** Calls an action on appapi, signed. */
    JsonNode app(String action, Map<String, ?> params) {
        return post(ExplorerWireProtocol.APP_API, signed(action, params));
    }

    /** Calls an action on tokenapi as the user of the token. */
    JsonNode token(String action, Map<String, ?> params, String token) {
        return post(ExplorerWireProtocol.TOKEN_API, withToken(action, params, token));
    }

    /** Logs a WeChat user in; answers the token. */
    String login(String openId) {
        JsonNode answer = ok(app("AppGetTokenByWeiXin", Map.of("WxOpenID", openId, "NickName", "nick-" + openId,
                "Avatar", "https://example.com/" + openId + ".png")));
        return answer.path("Data").path("Token").asText();
    }

    /** POSTs a body to appapi or tokenapi; answers the JSON answer. */
    JsonNode post(String endpoint, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(endpoint))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))).build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fields of a successful answer; fails on an error. */
    static JsonNode ok(JsonNode answer) {
        JsonNode response = answer.path("Response");
        if (response.has("Error")) {
            throw new AssertionError("Refused: " + response.get("Error"));
        }
        return response;
    }

    /** The error code of an answer, or null when it succeeded. */
    static String error(JsonNode answer) {
        JsonNode code = answer.path("Response").path("Error").path("Code");
        return code.isMissingNode() ? null : code.asText();
    }
}
