package io.github.cameliot.cloudapi.tencent;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.CloudApiException;
import io.github.cameliot.cloudapi.CloudProtocol;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.TransportFailures;
import io.github.cameliot.cloudapi.sign.TencentAppApiSigner;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Tencent IoT Explorer application API: one flat JSON object POSTed, holding {@code Action}, {@code RequestId} and
 * the business parameters. The actions called before login go to {@code <base>/appapi}, signed with the application's
 * AppKey and AppSecret ({@code AppKey}, {@code Timestamp} in seconds, {@code Nonce}, {@code Signature}, see
 * {@link TencentAppApiSigner}); every other action goes to {@code <base>/tokenapi} with the user's
 * {@code AccessToken}, which the caller puts into the parameters of each call.
 * <p>
 * Answers are read in either shape: the documented {@code {"Response": {...}}} (fields directly in it or under
 * {@code Response.Data}, errors in {@code Response.Error}) and the {@code {"code": 0, "msg": "", "data": {...}}}
 * envelope of Tencent's SDKs, whose {@code data} may hold {@code Response} again; a non-zero {@code code} is an error.
 * An answer with neither wrapper is taken as the fields themselves.
 */
public final class ExplorerAppApiProtocol implements CloudProtocol {

    public static final String DOMESTIC = "https://iot.cloud.tencent.com/api/exploreropen/";
    public static final String OVERSEAS = "https://oversea.iotcloud.tencentiotcloud.com/api/exploreropen/";
    public static final String APP_API = "appapi";
    public static final String TOKEN_API = "tokenapi";
    public static final String ACCESS_TOKEN = "AccessToken";
    public static final String INVALID_ACCESS_TOKEN = "InvalidParameterValue.InvalidAccessToken";

    private static final MediaType JSON = MediaType.get(TencentApiProtocol.CONTENT_TYPE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpUrl appApi;
    private final HttpUrl tokenApi;
    private final String appKey;
    private final String appSecret;
    private final Predicate<String> signed;
    private final LongSupplier epochSeconds;

    /**
     * @param base      the URL ending in {@code /} under which {@code appapi} and {@code tokenapi} lie
     *                  ({@link #DOMESTIC}, {@link #OVERSEAS} or a test server)
     * @param appKey    the application's AppKey, or {@code null} when no signed action is called
     * @param appSecret the application's AppSecret, or {@code null} when no signed action is called
     * @param signed    which actions are called before login, on {@code appapi}
     */
    public ExplorerAppApiProtocol(String base, String appKey, String appSecret, Predicate<String> signed) {
        this(base, appKey, appSecret, signed, () -> System.currentTimeMillis() / 1000);
    }

    public ExplorerAppApiProtocol(String base, String appKey, String appSecret, Predicate<String> signed,
                                  LongSupplier epochSeconds) {
        HttpUrl url = HttpUrl.parse(base.endsWith("/") ? base : base + "/");
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + base);
        }
        this.appApi = url.resolve(APP_API);
        this.tokenApi = url.resolve(TOKEN_API);
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.signed = signed;
        this.epochSeconds = epochSeconds;
    }

    /** The base URL of a platform: {@code domestic} (the default) or {@code overseas}, unless an endpoint is given. */
    public static String baseUrl(String platform, String endpoint) {
        if (endpoint != null && !endpoint.isBlank()) {
            return endpoint;
        }
        if (platform == null || platform.isBlank() || "domestic".equalsIgnoreCase(platform)) {
            return DOMESTIC;
        }
        if ("overseas".equalsIgnoreCase(platform)) {
            return OVERSEAS;
        }
        throw new IllegalArgumentException("Unknown IoT Explorer platform '" + platform + "': domestic or overseas");
    }

    public boolean isSigned(String action) {
        return signed.test(action);
    }

    @Override
    public Request newRequest(ActionSpec action, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>(parameters);
        body.put("Action", action.name());
        body.putIfAbsent("RequestId", UUID.randomUUID().toString());
        HttpUrl url;
        if (signed.test(action.name())) {
            if (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank()) {
                throw new IllegalArgumentException(action.name() + " is called before login and needs appKey and appSecret");
            }
            body.remove(ACCESS_TOKEN);
            body.remove(TencentAppApiSigner.SIGNATURE);
            body.put("AppKey", appKey);
            body.put("Timestamp", epochSeconds.getAsLong());
            body.put("Nonce", 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1));
            body.put(TencentAppApiSigner.SIGNATURE, TencentAppApiSigner.sign(body, appSecret));
            url = appApi;
        } else {
            Object token = body.get(ACCESS_TOKEN);
            if (!(token instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(action.name() + " is called after login and needs an AccessToken");
            }
            url = tokenApi;
        }
        return new Request.Builder().url(url).post(RequestBody.create(Json.write(body), JSON)).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public ApiResult read(ActionSpec action, Response response) throws IOException {
        byte[] bytes = response.body().bytes();
        Map<String, Object> json;
        try {
            json = Json.readMap(bytes);
        } catch (IOException | RuntimeException e) {
            throw httpFailure(action, response, e instanceof IOException io ? io : new IOException(e));
        }
        if (json == null) {
            throw httpFailure(action, response, null);
        }
        // the SDK envelope {code, msg, data}
        if (json.containsKey("code") && !json.containsKey("Response")) {
            String code = String.valueOf(json.get("code"));
            Object data = json.get("data");
            if (!"0".equals(code)) {
                Map<String, Object> inner = data instanceof Map<?, ?> map ? unwrap((Map<String, Object>) map) : Map.of();
                if (inner.get("Error") instanceof Map<?, ?> error) {
                    throw error(action, response, (Map<String, Object>) error, requestId(inner));
                }
                throw error(action, response, code, stringOrNull(json.get("msg")), requestId(inner));
            }
            json = data instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
        }
        Map<String, Object> fields = unwrap(json);
        String requestId = requestId(fields);
        if (fields.get("Error") instanceof Map<?, ?> error) {
            throw error(action, response, (Map<String, Object>) error, requestId);
        }
        if (response.code() >= 300) {
            throw httpFailure(action, response, null);
        }
        return new ApiResult(fields, requestId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unwrap(Map<String, Object> json) {
        return json.get("Response") instanceof Map<?, ?> inner ? (Map<String, Object>) inner : json;
    }

    /** {@code RequestId}, its variant spelling {@code RequestID}, or either inside {@code Data}. */
    @SuppressWarnings("unchecked")
    static String requestId(Map<String, Object> fields) {
        Object id = fields.get("RequestId");
        if (id == null) {
            id = fields.get("RequestID");
        }
        if (id == null && fields.get("Data") instanceof Map<?, ?> data) {
            id = ((Map<String, Object>) data).get("RequestId");
        }
        return id == null ? null : String.valueOf(id);
    }

    private static TencentCloudApiException error(ActionSpec action, Response response, Map<String, Object> error,
                                                  String requestId) {
        return error(action, response, String.valueOf(error.get("Code")), stringOrNull(error.get("Message")), requestId);
    }

    private static TencentCloudApiException error(ActionSpec action, Response response, String code, String message,
                                                  String requestId) {
        String compact = code.replace(" ", "");
        return new TencentCloudApiException(action.name(), compact, message, requestId, response.code(),
                TencentErrorCodes.isRetryable(compact), TencentErrorCodes.isNotExecuted(compact), null);
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public CloudApiException transportFailure(ActionSpec action, IOException cause) {
        return new TencentCloudApiException(action.name(), TransportFailures.code(cause), TransportFailures.message(cause),
                null, 0, true, TransportFailures.notExecuted(cause), cause);
    }

    private static CloudApiException httpFailure(ActionSpec action, Response response, IOException cause) {
        int status = response.code();
        boolean notExecuted = status == 429 || status == 503;
        boolean retryable = notExecuted || status >= 500;
        return new TencentCloudApiException(action.name(), "HTTP" + status, "unexpected answer: " + response.message(), null,
                status, retryable, notExecuted, cause);
    }
}
