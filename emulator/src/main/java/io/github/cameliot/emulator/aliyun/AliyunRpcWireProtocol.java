package io.github.cameliot.emulator.aliyun;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.sign.AliyunRpcSigner;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiRequest;
import io.github.cameliot.emulator.http.ApiResponse;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.NonceCache;
import io.github.cameliot.emulator.http.WireProtocol;

/**
 * Alibaba Cloud RPC style as the cloud checks it: a form POST (or a GET with a query) to {@code /} carrying
 * {@code Action}, the common parameters and the action's own, signed with HMAC-SHA1 over every parameter (recomputed
 * with {@link AliyunRpcSigner}, key {@code AccessKeySecret&}), with a {@code Timestamp} within 15 minutes of the
 * server's clock and a {@code SignatureNonce} used once.
 * <p>
 * Two error shapes, as the cloud has them: the gateway's ({@code RequestId}, {@code HostId}, {@code Code},
 * {@code Message}, {@code Recommend}) with a 4xx/5xx status for requests refused before the action ran, and the IoT
 * Platform's own ({@code RequestId}, {@code Success=false}, {@code Code}, {@code ErrorMessage}) with status 200 for the
 * {@code iot.*} codes. The answers are JSON whatever {@code Format} asks.
 */
public final class AliyunRpcWireProtocol implements WireProtocol {

    /** How far {@code Timestamp} may be from the server's clock. */
    public static final long SKEW_MILLIS = 15 * 60 * 1000;

    /** The common parameters, left out of {@link ApiCall#params()}. */
    static final Set<String> COMMON = Set.of("Action", "Format", "Version", "AccessKeyId", "Signature",
            "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "RegionId", "SecurityToken");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    private final String version;
    private final String hostId;
    private final Map<String, String> secrets;
    private final LongSupplier millis;
    private final NonceCache nonces = new NonceCache(2 * SKEW_MILLIS);

    /**
     * @param version the API version every call must name
     * @param hostId  the API's host name, which the gateway's errors name
     * @param secrets the AccessKey secret of each AccessKey id of the emulated account
     */
    public AliyunRpcWireProtocol(String version, String hostId, Map<String, String> secrets, LongSupplier millis) {
        this.version = version;
        this.hostId = hostId;
        this.secrets = Map.copyOf(secrets);
        this.millis = millis;
    }

    @Override
    public ApiCall read(ApiRequest request) {
        if (!"/".equals(request.path())) {
            throw new ApiError("InvalidApi.NotFound", "Specified api is not found, please check your url and method.",
                    404);
        }
        Map<String, String> parameters = parameters(request);
        String action = required(parameters, "Action");
        String accessKeyId = required(parameters, "AccessKeyId");
        String secret = secrets.get(accessKeyId);
        if (secret == null) {
            throw new ApiError("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404);
        }
        expect(parameters, "SignatureMethod", AliyunRpcSigner.SIGNATURE_METHOD, "InvalidSignatureMethod");
        expect(parameters, "SignatureVersion", AliyunRpcSigner.SIGNATURE_VERSION, "InvalidSignatureVersion");
        checkTimestamp(required(parameters, "Timestamp"));
        String nonce = required(parameters, "SignatureNonce");
        String signature = required(parameters, AliyunRpcSigner.SIGNATURE);
        TreeMap<String, String> signed = new TreeMap<>(parameters);
        String stringToSign = AliyunRpcSigner.stringToSign(request.method(), signed);
        if (!AliyunRpcSigner.sign(request.method(), signed, secret).equals(signature)) {
            throw new ApiError("SignatureDoesNotMatch", "Specified signature is not matched with our calculation. "
                    + "server string to sign is:" + stringToSign, 400);
        }
        if (!nonces.firstUse(accessKeyId, nonce, millis.getAsLong())) {
            throw new ApiError("SignatureNonceUsed", "Specified signature nonce was used already.", 400);
        }
        if (!version.equals(parameters.get("Version"))) {
            throw new ApiError("InvalidVersion", "Specified parameter Version is not valid.", 400);
        }
        required(parameters, "RegionId");
        Map<String, String> own = new TreeMap<>(parameters);
        own.keySet().removeAll(COMMON);
        return new ApiCall(action, RpcParameters.fold(own), accessKeyId, ApiServer.requestId());
    }

    @Override
    public ApiResponse success(ApiCall call, ObjectNode output) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("RequestId", call.requestId());
        body.put("Success", true);
        body.setAll(output);
        return ApiResponse.json(200, body.toString());
    }

    @Override
    public ApiResponse failure(ApiCall call, ApiError error) {
        String requestId = call == null ? ApiServer.requestId() : call.requestId();
        ObjectNode body = MAPPER.createObjectNode();
        body.put("RequestId", requestId);
        if (error.code().startsWith("iot.")) {
            body.put("Success", false);
            body.put("Code", error.code());
            body.put("ErrorMessage", error.getMessage());
            return ApiResponse.json(200, body.toString());
        }
        body.put("HostId", hostId);
        body.put("Code", error.code());
        body.put("Message", error.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code() + "&product=Iot");
        // a refusal made with the pipeline's Tencent-style default status is a client error here
        return ApiResponse.json(error.status() == 200 ? 400 : error.status(), body.toString());
    }

    @Override
    public String missingParameterCode() {
        return "MissingParameter";
    }

    /** The IoT Platform's own throttling code (the document's usage limits): a business error, the call not run. */
    @Override
    public ApiError throttled(String action) {
        return new ApiError("iot.messagebroker.RateLimit", "The calls of " + action
                + " exceed the allowed frequency; retry later.");
    }

    @Override
    public ApiError internalError() {
        return new ApiError("InternalError", "The request processing has failed due to some unknown error, "
                + "exception or failure.", 500);
    }

    @Override
    public ApiError unknownAction(String action) {
        return new ApiError("UnsupportedOperation", "The specified action is not supported.", 400);
    }

    private void checkTimestamp(String timestamp) {
        Instant at;
        try {
            if (!TIMESTAMP.matcher(timestamp).matches()) {
                throw new DateTimeParseException("not ISO 8601 UTC", timestamp, 0);
            }
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new ApiError("InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.",
                    400);
        }
        if (Math.abs(millis.getAsLong() - at.toEpochMilli()) > SKEW_MILLIS) {
            throw new ApiError("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", 400);
        }
    }

    private static Map<String, String> parameters(ApiRequest request) {
        if (!"POST".equals(request.method()) && !"GET".equals(request.method())) {
            throw new ApiError("UnsupportedHTTPMethod", "Specified HTTP method " + request.method()
                    + " is not supported.", 400);
        }
        Map<String, String> parameters = new TreeMap<>();
        RpcParameters.decode(request.query(), parameters);
        String contentType = request.header("Content-Type");
        if ("POST".equals(request.method()) && contentType != null
                && contentType.startsWith("application/x-www-form-urlencoded")) {
            RpcParameters.decode(request.bodyText(), parameters);
        }
        return parameters;
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new ApiError("MissingParameter", "The input parameter \"" + name
                    + "\" that is mandatory for processing this request is not supplied.", 400);
        }
        return value;
    }

    private static void expect(Map<String, String> parameters, String name, String value, String code) {
        if (!value.equals(required(parameters, name))) {
            throw new ApiError(code, "Specified " + name + " " + parameters.get(name) + " is not supported; use "
                    + value + ".", 400);
        }
    }
}
