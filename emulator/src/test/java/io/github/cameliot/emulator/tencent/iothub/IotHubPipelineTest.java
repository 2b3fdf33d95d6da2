package io.github.cameliot.emulator.tencent.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.Quotas;
import io.github.cameliot.emulator.tencent.Tc3Calls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documented quotas of the IoT Hub book, and the switchable faults of its API. */
class IotHubPipelineTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    IotHubEmulator iotHub;
    Tc3Calls api;
    EmulatorCredentials keys;

    @BeforeEach
    void client() {
        iotHub = CLOUD.emulator().iotHub();
        keys = CLOUD.emulator().credentials();
        api = new Tc3Calls(iotHub.url(), "iotcloud", "2021-04-08", keys.tencentSecretId(), keys.tencentSecretKey());
    }

    @Test
    void anActionCalledMoreOftenThanItsQuotaInOneSecondIsThrottled() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        Quotas quotas = new Quotas(ActionBook.load("iotcloud"), now::get);

        for (int call = 1; call <= 20; call++) {
            assertThat(quotas.admit("key", "DescribeDevice")).as("call %s of 20 per second", call).isTrue();
        }
        assertThat(quotas.admit("key", "DescribeDevice")).as("the 21st call in the second").isFalse();
        assertThat(quotas.admit("key", "UpdateDeviceShadow")).as("another action's quota").isTrue();
        assertThat(quotas.admit("other-key", "DescribeDevice")).as("another account's quota").isTrue();
        now.addAndGet(1000);
        assertThat(quotas.admit("key", "DescribeDevice")).as("the next second").isTrue();
    }

    @Test
    void theApiAnswersRequestLimitExceededBeyondTheQuota() throws Exception {
        String code = null;
        // 20 per second: 61 calls exceed it in at least one second, however they fall on the clock
        for (int call = 0; call < 61 && code == null; call++) {
            code = api.error("DescribeProducts", Map.of("Offset", 0, "Limit", 10));
        }
        assertThat(code).isEqualTo("RequestLimitExceeded");
    }

    @Test
    void aServerErrorFaultAnswers503WithInternalError() throws Exception {
        iotHub.faults().failNext(1);

        HttpResponse<String> failed = send();
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(Tc3Calls.response(failed).path("Error").path("Code").asText()).isEqualTo("InternalError");
        assertThat(send().statusCode()).as("only the next one").isEqualTo(200);
    }

    @Test
    void aDroppedConnectionIsClosedWithoutAnAnswer() throws Exception {
        iotHub.faults().dropNext(1);

        assertThatThrownBy(this::send).isInstanceOf(IOException.class);
        assertThat(send().statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        iotHub.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThat(send().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private HttpResponse<String> send() throws Exception {
        return api.send("DescribeProducts", Map.of("Offset", 0, "Limit", 10), keys.tencentSecretId(),
                keys.tencentSecretKey(), System.currentTimeMillis() / 1000);
    }
}
