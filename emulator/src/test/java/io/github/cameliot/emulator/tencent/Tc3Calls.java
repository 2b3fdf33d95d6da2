package io.github.cameliot.emulator.tencent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.sign.Tc3Signer;

/**
 * Plain HTTP calls of an emulated Tencent Cloud API 3.0 (IoT Hub, TDMQ), signed with the support module's
 * {@link Tc3Signer} as any client signs them, or deliberately wrongly.
 */
public final class Tc3Calls {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI url;
    private final Tc3Signer signer;
    private final String version;
    private final String secretId;
    private final String secretKey;

    /**
     * @param service the service of the credential scope, such as {@code iotcloud}
     * @param version the API version the calls name
     */
    public Tc3Calls(URI url, String service, String version, String secretId, String secretKey) {
        this.url = url;
        this.signer = new Tc3Signer(service);
        this.version = version;
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** Calls the action signed with the right key, now; returns {@code Response}. */
    public JsonNode call(String action, Object params) throws IOException, InterruptedException {
        return response(send(action, params, secretId, secretKey, System.currentTimeMillis() / 1000));
    }

    /** Calls and expects success; returns {@code Response}. */
    public JsonNode ok(String action, Object params) throws IOException, InterruptedException {
        JsonNode response = call(action, params);
        if (response.has("Error")) {
            throw new AssertionError(action + " failed: " + response.get("Error"));
        }
        return response;
    }

    /** The error code of the answer, or null when it succeeded. */
    public String error(String action, Object params) throws IOException, InterruptedException {
        return response(send(action, params, secretId, secretKey, System.currentTimeMillis() / 1000))
                .path("Error").path("Code").asText(null);
    }

    public HttpResponse<String> send(String action, Object params, String id, String key, long timestamp)
            throws IOException, InterruptedException {
        byte[] body = params instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : MAPPER.writeValueAsBytes(params);
        SortedMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", CONTENT_TYPE);
        signed.put("host", url.getHost() + ":" + url.getPort());
        signed.put("x-tc-action", action);
        String authorization = signer.authorization(id, key, timestamp, "POST", "", signed, body);
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/"))
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", version)
                .header("X-TC-Region", "ap-guangzhou")
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode response(HttpResponse<String> answer) throws IOException {
        return MAPPER.readTree(answer.body()).path("Response");
    }
}
