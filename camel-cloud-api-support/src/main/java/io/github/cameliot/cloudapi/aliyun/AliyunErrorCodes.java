package io.github.cameliot.cloudapi.aliyun;

import java.util.Set;

/**
 * Which Alibaba Cloud error codes are worth a retry, and which prove that the action did not run.
 * <p>
 * Retryable are the system error ({@code iot.system.SystemException}), throttling ({@code iot.messagebroker.RateLimit},
 * and the gateway's {@code Throttling*}) and an unavailable service. Only throttling proves the action did not run; a
 * system error may come after the action took effect, so an action that is not idempotent is not retried on it. The
 * device-state codes ({@code iot.messagebroker.OFFLINE}, {@code HALFCONN}, {@code TIMEOUT}) and the "operation
 * failed" codes are left to the route: retrying them at once rarely helps.
 */
public final class AliyunErrorCodes {

    private static final Set<String> RETRYABLE = Set.of("iot.system.SystemException", "iot.messagebroker.RateLimit",
            "Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable", "InternalError");
    private static final Set<String> NOT_EXECUTED = Set.of("iot.messagebroker.RateLimit", "Throttling", "Throttling.User",
            "Throttling.Api", "ServiceUnavailable");

    private AliyunErrorCodes() {
    }

    public static boolean isRetryable(String code) {
        return RETRYABLE.contains(code);
    }

    public static boolean isNotExecuted(String code) {
        return NOT_EXECUTED.contains(code);
    }
}
