package io.github.cameliot.cloudapi.aliyun;

import io.github.cameliot.cloudapi.CloudApiException;

/**
 * A failed Alibaba Cloud API call, whichever way the cloud said it: an HTTP error with {@code Code} and
 * {@code Message}, or HTTP 200 with {@code Success=false}, {@code Code} and {@code ErrorMessage}. The code is matched
 * exactly as the API sends it, misspellings included ({@code iot.messageborker.*}, {@code iot.rule.IncorrentRuleId}).
 */
public class AliyunCloudApiException extends CloudApiException {

    private static final long serialVersionUID = 1L;

    public AliyunCloudApiException(String action, String errorCode, String errorMessage, String requestId, int httpStatus,
                                   boolean retryable, boolean notExecuted, Throwable cause) {
        super(action, errorCode, errorMessage, requestId, httpStatus, retryable, notExecuted, cause);
    }
}
