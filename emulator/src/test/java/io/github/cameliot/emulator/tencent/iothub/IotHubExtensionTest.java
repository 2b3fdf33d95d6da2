package io.github.cameliot.emulator.tencent.iothub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import io.github.cameliot.emulator.CloudEmulatorExtension;
import io.github.cameliot.emulator.EmulatorCredentials;
import io.github.cameliot.emulator.tencent.Tc3Calls;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension runs one emulator for the class and resets the IoT Hub's state before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IotHubExtensionTest {

    @RegisterExtension
    static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();

    static URI firstUrl;

    @Test
    @Order(1)
    void theFirstTestLeavesAProductAndAFault() throws Exception {
        firstUrl = CLOUD.emulator().iotHub().url();
        signedCalls().ok("CreateProduct", Map.of("ProductName", "left-behind"));
        CLOUD.emulator().iotHub().faults().failNext(5);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromAnEmptyAccountOnTheSamePort() throws Exception {
        assertThat(CLOUD.emulator().iotHub().url()).isEqualTo(firstUrl);
        assertThat(signedCalls().ok("DescribeProducts", Map.of("Offset", 0, "Limit", 10)).path("TotalCount").asInt())
                .isZero();
    }

    private static Tc3Calls signedCalls() {
        EmulatorCredentials keys = CLOUD.emulator().credentials();
        return new Tc3Calls(CLOUD.emulator().iotHub().url(), "iotcloud", "2021-04-08", keys.tencentSecretId(), keys.tencentSecretKey());
    }
}
