package io.github.cameliot.emulator.tencent;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.cloudapi.sign.Crypto;
import io.github.cameliot.cloudapi.sign.Tc3Signer;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiRequest;
import io.github.cameliot.emulator.http.ApiResponse;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.WireProtocol;

/**
 * Tencent Cloud API 3.0 as the cloud checks it: a JSON POST to {@code /} naming its action in {@code X-TC-Action},
 * signed with TC3-HMAC-SHA256 for the service, within five minutes of {@code X-TC-Timestamp}; answers
 * {@code {"Response": {..., "RequestId"}}} with status 200, errors included.
 */
public final class Tc3WireProtocol implements WireProtocol {

    /** How far X-TC-Timestamp may be from the server's clock: the documented five minutes. */
    public static final long SKEW_SECONDS = 300;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Tc3Signer signer;
    private final String version;
    private final Map<String, String> secretKeys;
    private final LongSupplier millis;

    /**
     * @param service    the service name of the credential scope, such as {@code iotcloud}
     * @param version    the API version every call must name
     * @param secretKeys the secret key of each SecretId the emulated account has
     */
    public Tc3WireProtocol(String service, String version, Map<String, String> secretKeys, LongSupplier millis) {
        this.signer = new Tc3Signer(service);
        this.version = version;
        this.secretKeys = Map.copyOf(secretKeys);
        this.millis = millis;
    }

    @Override
    public ApiCall read(ApiRequest request) {
        if (!"POST".equals(request.method()) && !"GET".equals(request.method())) {
            throw new ApiError("UnsupportedProtocol", "The HTTP method " + request.method() + " is not supported.");
        }
        String action = header(request, "X-TC-Action");
        Authorization authorization = Authorization.parse(request.header("Authorization"));
        String secretKey = secretKeys.get(authorization.secretId());
        if (secretKey == null) {
            throw new ApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your "
                    + "SecretId is correct.");
        }
        long timestamp = timestamp(request);
        String date = Tc3Signer.utcDate(timestamp);
        if (!authorization.scope().equals(signer.credentialScope(date))) {
            throw new ApiError("AuthFailure.SignatureFailure", "The credential scope " + authorization.scope()
                    + " does not match " + signer.credentialScope(date) + ".");
        }
        SortedMap<String, String> signed = new TreeMap<>();
        for (String name : authorization.signedHeaders().split(";")) {
            String value = request.header(name);
            if (value == null) {
                throw new ApiError("AuthFailure.SignatureFailure", "The signed header " + name + " is missing.");
            }
            signed.put(name, value);
        }
        String canonicalRequest = signer.canonicalRequest(request.method(), canonicalQuery(request), signed,
                authorization.signedHeaders(), request.body());
        String expected = Crypto.hex(Crypto.hmacSha256(signer.signingKey(secretKey, date),
                signer.stringToSign(timestamp, date, canonicalRequest)));
        if (!expected.equals(authorization.signature())) {
            throw new ApiError("AuthFailure.SignatureFailure", "The provided credentials could not be validated. "
                    + "Please check your signature is correct.");
        }
        if (!version.equals(header(request, "X-TC-Version"))) {
            throw new ApiError("NoSuchVersion", "The API version " + request.header("X-TC-Version")
                    + " is not supported; use " + version + ".");
        }
        return new ApiCall(action, params(request), authorization.secretId(), ApiServer.requestId());
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
        return "MissingParameter";
    }

    @Override
    public ApiError throttled(String action) {
        return new ApiError("RequestLimitExceeded", "The number of requests of " + action
                + " exceeds the frequency limit.");
    }

    @Override
    public ApiError internalError() {
        return new ApiError("InternalError", "An internal error has occurred. Retry your request.");
    }

    @Override
    public ApiError unknownAction(String action) {
        return new ApiError("InvalidAction", "The action " + action + " does not exist.");
    }

    private long timestamp(ApiRequest request) {
        String text = header(request, "X-TC-Timestamp");
        long timestamp;
        try {
            timestamp = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiError("InvalidParameterValue", "X-TC-Timestamp " + text + " is not a number of seconds.");
        }
        if (Math.abs(millis.getAsLong() / 1000 - timestamp) > SKEW_SECONDS) {
            throw new ApiError("AuthFailure.SignatureExpire", "The signature expired: X-TC-Timestamp " + timestamp
                    + " is more than " + SKEW_SECONDS + " seconds away from the server time.");
        }
        return timestamp;
    }

    private static String canonicalQuery(ApiRequest request) {
        return "POST".equals(request.method()) ? "" : request.query();
    }

    private static ObjectNode params(ApiRequest request) {
        if (request.body().length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode body = MAPPER.readTree(request.body());
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new ApiError("InvalidParameter", "The request body is not a JSON object.");
    }

    private static String header(ApiRequest request, String name) {
        String value = request.header(name);
        if (value == null || value.isEmpty()) {
            throw new ApiError("MissingParameter", "The request is missing the header " + name + ".");
        }
        return value;
    }

    /** The parts of {@code TC3-HMAC-SHA256 Credential=ID/SCOPE, SignedHeaders=..., Signature=...}. */
    private record Authorization(String secretId, String scope, String signedHeaders, String signature) {

        static Authorization parse(String header) {
            String prefix = Tc3Signer.ALGORITHM + " ";
            if (header == null || !header.startsWith(prefix)) {
                throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header is not a "
                        + Tc3Signer.ALGORITHM + " signature.");
            }
            Map<String, String> parts = new TreeMap<>();
            for (String part : header.substring(prefix.length()).split(",")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
                }
            }
            String credential = parts.getOrDefault("Credential", "");
            int slash = credential.indexOf('/');
            if (slash <= 0 || !parts.containsKey("SignedHeaders") || !parts.containsKey("Signature")) {
                throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header lacks Credential, "
                        + "SignedHeaders or Signature.");
            }
            return new Authorization(credential.substring(0, slash), credential.substring(slash + 1),
                    parts.get("SignedHeaders"), parts.get("Signature"));
        }
    }
}
