package io.github.cameliot.cloudapi;

/**
 * A cloud API call that failed: the cloud's error code and message, the request id, the HTTP status and the action.
 * <p>
 * {@link #isRetryable()} says whether trying again may succeed; {@link #isNotExecuted()} says whether the error proves
 * that the cloud did not run the action (throttled, refused before it was read), which is what makes a retry of an
 * action that is not idempotent safe. Neither the message nor any field carries a credential.
 */
public class CloudApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final int httpStatus;
    private final boolean retryable;
    private final boolean notExecuted;

    public CloudApiException(String action, String errorCode, String errorMessage, String requestId, int httpStatus,
                             boolean retryable, boolean notExecuted, Throwable cause) {
        super(describe(action, errorCode, errorMessage, requestId, httpStatus), cause);
        this.action = action;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.notExecuted = notExecuted;
    }

    /** The action that failed, such as {@code CreateDevice}. */
    public String getAction() {
        return action;
    }

    /** The cloud's error code, such as {@code ResourceNotFound.DeviceNotExist}. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The cloud's error message: free text, branch on {@link #getErrorCode()} instead. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The cloud's request id, or {@code null} when the call did not reach the cloud. */
    public String getRequestId() {
        return requestId;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int getHttpStatus() {
        return httpStatus;
    }

    public boolean isRetryable() {
        return retryable;
    }

    public boolean isNotExecuted() {
        return notExecuted;
    }

    private static String describe(String action, String code, String message, String requestId, int status) {
        StringBuilder sb = new StringBuilder(128).append(action).append(" failed: ").append(code);
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        }
        if (requestId != null) {
            sb.append(" (RequestId ").append(requestId).append(')');
        }
        if (status > 0) {
            sb.append(" [HTTP ").append(status).append(']');
        }
        return sb.toString();
    }
}
