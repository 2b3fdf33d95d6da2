package io.github.cameliot.emulator.aliyun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameliot.cloudapi.sign.AliyunRpcSigner;

/**
 * A plain HTTP client of the emulated IoT Platform API, signing as the documentation says, and able to sign wrongly
 * on purpose: another secret, another key id, an old timestamp, a nonce used before.
 */
final class RpcClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An answer: its HTTP status and JSON body. */
    record Answer(int status, JsonNode body) {

        String code() {
            return body.path("Code").asText(null);
        }

        boolean success() {
            return status == 200 && body.path("Success").asBoolean(false);
        }
    }

    private final URI url;
    private final String accessKeyId;
    private final String secret;

    RpcClient(URI url, String accessKeyId, String secret) {
        this.url = url;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    /** The common parameters of a call made now, with a fresh nonce, unsigned. */
    TreeMap<String, String> common(String action) {
        TreeMap<String, String> parameters = new TreeMap<>();
        parameters.put("Action", action);
        parameters.put("Format", "JSON");
        parameters.put("Version", "2018-01-20");
        parameters.put("AccessKeyId", accessKeyId);
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.put("RegionId", "cn-shanghai");
        return parameters;
    }

    /** Calls the action with its own parameters (in their wire form), correctly signed, as a form POST. */
    Answer call(String action, Map<String, String> own) {
        return call("POST", action, own);
    }

    /** Calls the action, correctly signed, by GET (the parameters in the query) or by form POST. */
    Answer call(String method, String action, Map<String, String> own) {
        TreeMap<String, String> parameters = common(action);
        parameters.putAll(own);
        return send(method, parameters, secret);
    }

    /** Signs the parameters with that secret and sends them; a GET puts them in the query. */
    Answer send(String method, TreeMap<String, String> parameters, String signingSecret) {
        parameters.put(AliyunRpcSigner.SIGNATURE, AliyunRpcSigner.sign(method, parameters, signingSecret));
        return sendSigned(method, parameters);
    }

    /** Sends parameters that already carry their signature. */
    Answer sendSigned(String method, TreeMap<String, String> parameters) {
        String encoded = AliyunRpcSigner.canonicalQuery(parameters);
        HttpRequest.Builder request = "GET".equals(method)
                ? HttpRequest.newBuilder(url.resolve("/?" + encoded)).GET()
                : HttpRequest.newBuilder(url.resolve("/"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String secret() {
        return secret;
    }
}
