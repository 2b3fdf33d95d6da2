package io.github.cameliot.cloudapi.tencent;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.CloudApiException;
import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.CredentialsProvider;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.CloudProtocol;
import io.github.cameliot.cloudapi.TransportFailures;
import io.github.cameliot.cloudapi.sign.Tc3Signer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Tencent Cloud API 3.0: a JSON POST to {@code /} with the common parameters in {@code X-TC-*} headers, signed with
 * TC3-HMAC-SHA256 over {@code content-type} and {@code host}; answers are {@code {"Response": {...}}} with HTTP 200,
 * errors in {@code Response.Error}.
 */
public final class TencentApiProtocol implements CloudProtocol {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final MediaType JSON = MediaType.get(CONTENT_TYPE);
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final TencentApiSettings settings;
    private final CredentialsProvider credentials;
    private final Tc3Signer signer;
    private final HttpUrl url;
    private final String host;
    private final LongSupplier epochSeconds;

    public TencentApiProtocol(TencentApiSettings settings, CredentialsProvider credentials) {
        this(settings, credentials, () -> System.currentTimeMillis() / 1000);
    }

    /** @param epochSeconds the clock that timestamps requests */
    public TencentApiProtocol(TencentApiSettings settings, CredentialsProvider credentials, LongSupplier epochSeconds) {
        this.settings = settings;
        this.credentials = credentials;
        this.signer = new Tc3Signer(settings.service());
        this.url = settings.url();
        this.host = hostHeader(url);
        this.epochSeconds = epochSeconds;
    }

    @Override
    public Request newRequest(ActionSpec action, Map<String, Object> parameters) {
        byte[] body = parameters.isEmpty() ? EMPTY_OBJECT : Json.write(parameters);
        long timestamp = epochSeconds.getAsLong();
        CloudCredentials key = credentials.credentials();
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("content-type", CONTENT_TYPE);
        signed.put("host", host);
        String authorization = signer.authorization(key.accessKeyId(), key.accessKeySecret(), timestamp, "POST", "", signed, body);

        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Host", host)
                .header("Authorization", authorization)
                .header("X-TC-Action", action.name())
                .header("X-TC-Version", settings.version())
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("X-TC-Region", settings.region())
                .post(RequestBody.create(body, JSON));
        if (key.hasSecurityToken()) {
            request.header("X-TC-Token", key.securityToken());
        }
        if (settings.language() != null) {
            request.header("X-TC-Language", settings.language());
        }
        return request.build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public ApiResult read(ActionSpec action, Response response) throws IOException {
        byte[] body = response.body().bytes();
        Map<String, Object> json;
        try {
            json = Json.readMap(body);
        } catch (IOException e) {
            throw httpFailure(action, response, e);
        }
        if (!(json.get("Response") instanceof Map<?, ?> fields)) {
            throw httpFailure(action, response, null);
        }
        String requestId = (String) fields.get("RequestId");
        if (fields.get("Error") instanceof Map<?, ?> error) {
            String code = String.valueOf(error.get("Code"));
            throw new TencentCloudApiException(action.name(), code, (String) error.get("Message"), requestId, response.code(),
                    TencentErrorCodes.isRetryable(code), TencentErrorCodes.isNotExecuted(code), null);
        }
        return new ApiResult((Map<String, Object>) fields, requestId);
    }

    @Override
    public CloudApiException transportFailure(ActionSpec action, IOException cause) {
        return new TencentCloudApiException(action.name(), TransportFailures.code(cause), TransportFailures.message(cause),
                null, 0, true, TransportFailures.notExecuted(cause), cause);
    }

    /** An answer that is not the API's JSON: a gateway or proxy error. 429 and 503 prove the call was not run. */
    private static CloudApiException httpFailure(ActionSpec action, Response response, IOException cause) {
        int status = response.code();
        boolean notExecuted = status == 429 || status == 503;
        boolean retryable = notExecuted || status >= 500;
        return new TencentCloudApiException(action.name(), "HTTP" + status, "unexpected answer: " + response.message(), null,
                status, retryable, notExecuted, cause);
    }

    /** The Host header OkHttp sends for the URL: the port only when it is not the scheme's default. */
    static String hostHeader(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }
}
