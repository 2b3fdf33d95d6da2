package io.github.cameliot.emulator.tencent.trocket;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.tencent.Tc3Calls;

/**
 * The emulated trocket API called as plain signed HTTP ({@link Tc3Calls}), with keys and timestamps of the test's
 * choosing (so that it can sign wrongly on purpose), and JSON written with single quotes for readable tests.
 */
final class TrocketClient {

    static final ObjectMapper MAPPER = Tc3Calls.MAPPER;

    private final Tc3Calls calls;
    private final String secretId;
    private final String secretKey;

    TrocketClient(URI url, String secretId, String secretKey) {
        this.calls = new Tc3Calls(url, "trocket", "2023-03-08", secretId, secretKey);
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** The {@code Response} object of a call signed now. */
    JsonNode call(String action, JsonNode params) {
        return call(action, params, System.currentTimeMillis() / 1000);
    }

    /** The {@code Response} object of a call signed at {@code timestamp}. */
    JsonNode call(String action, JsonNode params, long timestamp) {
        try {
            HttpResponse<String> response = calls.send(action, params, secretId, secretKey, timestamp);
            if (response.statusCode() != 200) {
                throw new AssertionError(action + " answered HTTP " + response.statusCode());
            }
            return Tc3Calls.response(response);
        } catch (IOException e) {
            throw new AssertionError(action + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(action + " interrupted", e);
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
