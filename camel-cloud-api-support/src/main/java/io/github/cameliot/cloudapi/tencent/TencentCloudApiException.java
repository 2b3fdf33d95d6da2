package io.github.cameliot.cloudapi.tencent;

import io.github.cameliot.cloudapi.CloudApiException;

/**
 * A failed Tencent Cloud API call. Tencent answers errors with HTTP 200 and {@code Response.Error}; the code is
 * dotted, {@code Category.SubCode} (for example {@code ResourceNotFound.DeviceNotExist}).
 */
public class TencentCloudApiException extends CloudApiException {

    private static final long serialVersionUID = 1L;

    public TencentCloudApiException(String action, String errorCode, String errorMessage, String requestId, int httpStatus,
                                    boolean retryable, boolean notExecuted, Throwable cause) {
        super(action, errorCode, errorMessage, requestId, httpStatus, retryable, notExecuted, cause);
    }

    /** Whether the error code is {@code code} or one of its sub-codes ({@code code.*}). */
    public boolean isError(String code) {
        String errorCode = getErrorCode();
        return errorCode != null && (errorCode.equals(code) || errorCode.startsWith(code + "."));
    }
}
