package io.github.cameliot.emulator.tencent.trocket;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.sign.Tc3Signer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A plain TC3-HMAC-SHA256 client of the emulated trocket API, signing as the documentation says, with keys and
 * timestamps of the test's choosing (so that it can sign wrongly on purpose).
 */
final class TrocketClient {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** OkHttp, as the components use: HTTP/1.1 to a plain-text endpoint, the request in one write. */
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Tc3Signer SIGNER = new Tc3Signer("trocket");

    private final URI url;
    private final String secretId;
    private final String secretKey;

    TrocketClient(URI url, String secretId, String secretKey) {
        this.url = url;
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** The {@code Response} object of a call signed now. */
    JsonNode call(String action, JsonNode params) {
        return call(action, params, System.currentTimeMillis() / 1000);
    }

    /** The {@code Response} object of a call signed at {@code timestamp}. */
    JsonNode call(String action, JsonNode params, long timestamp) {
        byte[] body = params.toString().getBytes(StandardCharsets.UTF_8);
        String host = url.getHost() + ":" + url.getPort();
        SortedMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", "application/json; charset=utf-8");
        signed.put("host", host);
        signed.put("x-tc-action", action);
        String authorization = SIGNER.authorization(secretId, secretKey, timestamp, "POST", "", signed, body);
        Request request = new Request.Builder().url(url.resolve("/").toString())
                .header("X-TC-Action", action)
                .header("X-TC-Version", "2023-03-08")
                .header("X-TC-Region", "ap-guangzhou")
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", authorization)
                .post(RequestBody.create(body, MediaType.get(signed.get("content-type"))))
                .build();
        try (Response response = HTTP.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new AssertionError(action + " answered HTTP " + response.code());
            }
            return MAPPER.readTree(response.body().bytes()).get("Response");
        } catch (IOException e) {
            throw new AssertionError(action + " failed", e);
        }
    }

    /** The output of a call that must succeed. */
    JsonNode ok(String action, String json) {
        JsonNode response = call(action, json(json));
        if (response.has("Error")) {
            throw new AssertionError(action + " " + json + " refused: " + response.get("Error"));
        }
        return response;
    }

    /** The error code of a call that must be refused. */
    String error(String action, String json) {
        JsonNode response = call(action, json(json));
        if (!response.has("Error")) {
            throw new AssertionError(action + " " + json + " succeeded: " + response);
        }
        return response.get("Error").get("Code").asText();
    }

    /** A JSON object written with single quotes, for readable tests. */
    static ObjectNode json(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
