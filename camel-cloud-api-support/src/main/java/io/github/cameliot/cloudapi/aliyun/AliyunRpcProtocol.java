package io.github.cameliot.cloudapi.aliyun;

import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.CloudApiException;
import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.CloudProtocol;
import io.github.cameliot.cloudapi.CredentialsProvider;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.TransportFailures;
import io.github.cameliot.cloudapi.sign.AliyunRpcSigner;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Alibaba Cloud RPC style: a form POST to {@code /} with the action's parameters and the common ones
 * ({@code Action}, {@code Format=JSON}, {@code Version}, {@code AccessKeyId}, {@code SignatureMethod},
 * {@code SignatureVersion}, a fresh {@code SignatureNonce}, {@code Timestamp}, {@code RegionId}, and
 * {@code SecurityToken} with STS credentials), signed with {@link AliyunRpcSigner} over the method {@code POST}.
 * {@code Format=JSON} is always sent: the API answers XML otherwise.
 * <p>
 * Errors arrive two ways, both read into an {@link AliyunCloudApiException}: HTTP 4xx/5xx with {@code Code} and
 * {@code Message}, and HTTP 200 with {@code Success=false}, {@code Code} and {@code ErrorMessage}.
 */
public final class AliyunRpcProtocol implements CloudProtocol {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    private static final MediaType FORM = MediaType.get(CONTENT_TYPE);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final AliyunApiSettings settings;
    private final CredentialsProvider credentials;
    private final HttpUrl url;
    private final Clock clock;

    public AliyunRpcProtocol(AliyunApiSettings settings, CredentialsProvider credentials) {
        this(settings, credentials, Clock.systemUTC());
    }

    /** @param clock the clock that timestamps requests */
    public AliyunRpcProtocol(AliyunApiSettings settings, CredentialsProvider credentials, Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        this.url = settings.url();
        this.clock = clock;
    }

    @Override
    public Request newRequest(ActionSpec action, Map<String, Object> parameters) {
        TreeMap<String, String> wire = new TreeMap<>();
        parameters.forEach((name, value) -> AliyunRpcParameters.flatten(name, value, wire));
        CloudCredentials key = credentials.credentials();
        wire.put("Action", action.name());
        wire.put("Format", "JSON");
        wire.put("Version", settings.version());
        wire.put("AccessKeyId", key.accessKeyId());
        wire.put("SignatureMethod", AliyunRpcSigner.SIGNATURE_METHOD);
        wire.put("SignatureVersion", AliyunRpcSigner.SIGNATURE_VERSION);
        wire.put("SignatureNonce", nonce());
        wire.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        wire.put("RegionId", settings.regionId());
        if (key.hasSecurityToken()) {
            wire.put("SecurityToken", key.securityToken());
        }
        wire.put(AliyunRpcSigner.SIGNATURE, AliyunRpcSigner.sign("POST", wire, key.accessKeySecret()));
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create(AliyunRpcSigner.canonicalQuery(wire), FORM))
                .build();
    }

    /**
     * A random UUID-shaped nonce. It only has to be unique (it stops replays; the signature protects it), so it comes
     * from {@link ThreadLocalRandom}, without the lock and cost of {@link UUID#randomUUID()}'s secure random.
     */
    private static String nonce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Override
    public ApiResult read(ActionSpec action, Response response) throws IOException {
        byte[] body = response.body().bytes();
        Map<String, Object> json;
        try {
            json = Json.readMap(body);
        } catch (IOException e) {
            throw httpFailure(action, response, e);
        }
        String requestId = json.get("RequestId") instanceof String id ? id : null;
        if (!response.isSuccessful()) {
            if (!(json.get("Code") instanceof String code)) {
                throw httpFailure(action, response, null);
            }
            int status = response.code();
            boolean notExecuted = AliyunErrorCodes.isNotExecuted(code) || status == 429 || status == 503;
            throw new AliyunCloudApiException(action.name(), code, text(json.get("Message")), requestId, status,
                    notExecuted || AliyunErrorCodes.isRetryable(code) || status >= 500, notExecuted, null);
        }
        Object success = json.get("Success");
        if (Boolean.FALSE.equals(success) || "false".equals(success)) {
            String code = text(json.get("Code"));
            Object message = json.containsKey("ErrorMessage") ? json.get("ErrorMessage") : json.get("Message");
            throw new AliyunCloudApiException(action.name(), code, text(message), requestId, response.code(),
                    AliyunErrorCodes.isRetryable(code), AliyunErrorCodes.isNotExecuted(code), null);
        }
        return new ApiResult(json, requestId);
    }

    @Override
    public CloudApiException transportFailure(ActionSpec action, IOException cause) {
        return new AliyunCloudApiException(action.name(), TransportFailures.code(cause), TransportFailures.message(cause),
                null, 0, true, TransportFailures.notExecuted(cause), cause);
    }

    /** An answer that is not the API's JSON: a gateway or proxy error. 429 and 503 prove the call was not run. */
    private static CloudApiException httpFailure(ActionSpec action, Response response, IOException cause) {
        int status = response.code();
        boolean notExecuted = status == 429 || status == 503;
        return new AliyunCloudApiException(action.name(), "HTTP" + status, "unexpected answer: " + response.message(), null,
                status, notExecuted || status >= 500, notExecuted, cause);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
