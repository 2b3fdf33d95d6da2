package io.github.cameliot.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    @Test
    void delaysStayWithinTheGrowingCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] caps = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int retry = 0; retry < caps.length; retry++) {
            long max = 0;
            for (int i = 0; i < 2000; i++) {
                long delay = policy.delayMillis(retry);
                assertThat(delay).as("retry %d", retry).isBetween(0L, caps[retry]);
                max = Math.max(max, delay);
            }
            // full jitter spreads over the whole range
            assertThat(max).as("largest delay of retry %d", retry).isGreaterThan(caps[retry] / 2);
        }
        assertThat(policy.delayMillis(1000)).isBetween(0L, 1000L);
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)).delayMillis(2)).isZero();
    }

    @Test
    void defaultPolicy() {
        assertThat(RetryPolicy.DEFAULT.maxRetries()).isEqualTo(3);
        assertThat(RetryPolicy.DEFAULT.delayMillis(0)).isBetween(0L, 200L);
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "retryable={0} notExecuted={1} idempotent={2} retry={3} -> {4}")
    @CsvSource({
            "true,  false, true,  0, true",
            "true,  false, true,  2, true",
            "true,  false, true,  3, false",
            "true,  false, false, 0, false",
            "true,  true,  false, 0, true",
            "true,  true,  false, 3, false",
            "false, true,  true,  0, false",
            "false, false, true,  0, false",
            "false, true,  false, 0, false",
    })
    void shouldRetry(boolean retryable, boolean notExecuted, boolean idempotent, int retry, boolean expected) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
        CloudApiException error = new CloudApiException("PublishMessage", "Code", "message", "id", 200, retryable, notExecuted, null);

        assertThat(policy.shouldRetry(error, retry, idempotent)).isEqualTo(expected);
        assertThat(new RetryPolicy(0, Duration.ZERO, Duration.ZERO).shouldRetry(error, 0, idempotent)).isFalse();
    }
}
