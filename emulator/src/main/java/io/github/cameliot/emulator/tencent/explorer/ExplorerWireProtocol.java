package io.github.cameliot.emulator.tencent.explorer;

import java.io.IOException;
import java.util.Map;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.sign.TencentAppApiSigner;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiRequest;
import io.github.cameliot.emulator.http.ApiResponse;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.NonceCache;
import io.github.cameliot.emulator.http.WireProtocol;
import io.github.cameliot.emulator.tencent.TencentAnswers;

/**
 * The IoT Explorer application API as the cloud checks it: one flat JSON object POSTed to
 * {@code /api/exploreropen/appapi} (the actions called before login, signed with the application's AppKey and
 * AppSecret: {@code AppKey}, {@code Timestamp}, {@code Nonce}, {@code Signature} recomputed with
 * {@link TencentAppApiSigner}) or to {@code /api/exploreropen/tokenapi} (with a logged-in user's
 * {@code AccessToken}). Every answer, errors included, is the documented {@code {"Response": {..., "RequestId"}}}
 * with status 200, the {@code RequestId} echoing the request's.
 * <p>
 * The documentation names no codes of its own for a wrong signature, a stale timestamp or a replayed nonce, nor a
 * skew window: these are refused with the code it documents for a wrong parameter of an application request,
 * {@code InvalidParameterValue.InvalidAppParameter}, within the five minutes of Tencent Cloud's other APIs; an
 * unknown AppKey with {@code ResourceNotFound.AppNotExists} (the application does not exist); an unknown or expired
 * token with {@code InvalidParameterValue.InvalidAccessToken}.
 */
public final class ExplorerWireProtocol implements WireProtocol {

    /** The path under which appapi and tokenapi lie, as on iot.cloud.tencent.com. */
    public static final String BASE_PATH = "/api/exploreropen/";
    public static final String APP_API = "appapi";
    public static final String TOKEN_API = "tokenapi";
    /** How far Timestamp may be from the server's clock. */
    public static final long SKEW_SECONDS = 300;

    static final String INVALID_APP_PARAMETER = "InvalidParameterValue.InvalidAppParameter";
    static final String APP_NOT_EXISTS = "ResourceNotFound.AppNotExists";
    static final String INVALID_ACCESS_TOKEN = "InvalidParameterValue.InvalidAccessToken";
    static final String MISSING_PARAMETER = "ErrorRequiredParamNotFound";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ActionBook book;
    private final Map<String, String> appSecrets;
    private final Sessions sessions;
    private final LongSupplier millis;
    private final NonceCache nonces = new NonceCache(2 * SKEW_SECONDS * 1000);

    /**
     * @param appSecrets the AppSecret of each AppKey of the emulated applications
     * @param sessions   the logged-in users' tokens
     */
    public ExplorerWireProtocol(ActionBook book, Map<String, String> appSecrets, Sessions sessions,
                                LongSupplier millis) {
        this.book = book;
        this.appSecrets = Map.copyOf(appSecrets);
        this.sessions = sessions;
        this.millis = millis;
    }

    @Override
    public ApiCall read(ApiRequest request) {
        String endpoint = endpoint(request.path());
        if (!"POST".equals(request.method())) {
            throw new ApiError("InvalidParameterValue", "Only POST is supported, not " + request.method() + ".");
        }
        ObjectNode params = body(request);
        String action = text(params, "Action");
        String requestId = text(params, "RequestId");
        if (action == null || requestId == null) {
            throw new ApiError(MISSING_PARAMETER, "The common parameters Action and RequestId are required.");
        }
        if (book.has(action) && !endpoint.equals(book.entry(action).path("endpoint").asText(TOKEN_API))) {
            throw new ApiError("InvalidAction", "The action " + action + " is not called on " + endpoint + ".");
        }
        String principal = APP_API.equals(endpoint) ? verifySignature(request, params) : verifyToken(params);
        return new ApiCall(action, params, principal, requestId);
    }

    /** Checks the AppKey, the Timestamp, the Signature and then the Nonce; answers the AppKey. */
    private String verifySignature(ApiRequest request, ObjectNode params) {
        String appKey = text(params, "AppKey");
        String signature = text(params, TencentAppApiSigner.SIGNATURE);
        if (appKey == null || signature == null || !params.hasNonNull("Timestamp") || !params.hasNonNull("Nonce")) {
            throw new ApiError(MISSING_PARAMETER, "appapi requires AppKey, Timestamp, Nonce and Signature.");
        }
        String secret = appSecrets.get(appKey);
        if (secret == null) {
            throw new ApiError(APP_NOT_EXISTS, "The application of this AppKey does not exist or was deleted.");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(params.get("Timestamp").asText());
        } catch (NumberFormatException e) {
            throw new ApiError(INVALID_APP_PARAMETER, "The Timestamp is not a number of seconds.");
        }
        long now = millis.getAsLong();
        if (Math.abs(now / 1000 - timestamp) > SKEW_SECONDS) {
            throw new ApiError(INVALID_APP_PARAMETER, "The Timestamp " + params.get("Timestamp")
                    + " is more than " + SKEW_SECONDS + " seconds away from the server time.");
        }
        Map<String, Object> signed;
        try {
            // read as the client wrote it, so that every value renders as it did when signed
            signed = Json.readMap(request.body());
        } catch (IOException e) {
            throw new ApiError("InvalidParameterValue.InvalidJSON", "The request body is not JSON.");
        }
        if (!TencentAppApiSigner.sign(signed, secret).equals(signature)) {
            throw new ApiError(INVALID_APP_PARAMETER, "The Signature does not match the request.");
        }
        if (!nonces.firstUse(appKey, params.get("Nonce").asText() + '@' + timestamp, now)) {
            throw new ApiError(INVALID_APP_PARAMETER, "The Nonce was already used with this Timestamp: a replayed "
                    + "request.");
        }
        return appKey;
    }

    /** Answers the user the token belongs to. */
    private String verifyToken(ObjectNode params) {
        String userId = sessions.user(text(params, "AccessToken"));
        if (userId == null) {
            throw new ApiError(INVALID_ACCESS_TOKEN, "Token无效");
        }
        return userId;
    }

    @Override
    public ApiResponse success(ApiCall call, ObjectNode output) {
        return TencentAnswers.success(call, output);
    }

    @Override
    public ApiResponse failure(ApiCall call, ApiError error) {
        return TencentAnswers.failure(call, error);
    }

    @Override
    public String missingParameterCode() {
        return MISSING_PARAMETER;
    }

    @Override
    public ApiError throttled(String action) {
        return new ApiError("RequestLimitExceeded", "The number of requests of " + action
                + " exceeds the frequency limit.");
    }

    @Override
    public ApiError internalError() {
        return new ApiError("InternalError", "内部错误。");
    }

    @Override
    public ApiError unknownAction(String action) {
        return new ApiError("InvalidAction", "Action 非法: " + action);
    }

    private static String endpoint(String path) {
        if ((BASE_PATH + APP_API).equals(path)) {
            return APP_API;
        }
        if ((BASE_PATH + TOKEN_API).equals(path)) {
            return TOKEN_API;
        }
        throw new ApiError("ResourceNotFound", "No API at " + path + ".", 404);
    }

    private static ObjectNode body(ApiRequest request) {
        try {
            JsonNode body = MAPPER.readTree(request.body());
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new ApiError("InvalidParameterValue.InvalidJSON", "请求格式不是 JSON。");
    }

    private static String text(ObjectNode params, String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
