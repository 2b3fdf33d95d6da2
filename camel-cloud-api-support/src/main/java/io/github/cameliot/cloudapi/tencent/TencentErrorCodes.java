package io.github.cameliot.cloudapi.tencent;

/**
 * Which Tencent Cloud error codes are worth a retry, and which prove that the action did not run.
 */
public final class TencentErrorCodes {

    public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

    private TencentErrorCodes() {
    }

    /**
     * Throttling, internal errors, an unavailable service and an expired signature (the retry signs again with a
     * fresh timestamp). {@code InternalServerError} appears in the IoT Hub action pages as an alias of
     * {@code InternalError}.
     */
    public static boolean isRetryable(String code) {
        return isOrUnder(code, REQUEST_LIMIT_EXCEEDED) || isOrUnder(code, INTERNAL_ERROR)
               || isOrUnder(code, "InternalServerError") || isOrUnder(code, "ServiceUnavailable")
               || SIGNATURE_EXPIRE.equals(code);
    }

    /**
     * Errors the gateway returns before the action runs: throttling, an unavailable service, an expired signature.
     * An internal error proves nothing: the action may have run.
     */
    public static boolean isNotExecuted(String code) {
        return isOrUnder(code, REQUEST_LIMIT_EXCEEDED) || isOrUnder(code, "ServiceUnavailable")
               || SIGNATURE_EXPIRE.equals(code);
    }

    private static boolean isOrUnder(String code, String category) {
        return code != null && (code.equals(category) || code.startsWith(category + "."));
    }
}
