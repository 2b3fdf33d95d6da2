package io.github.cameliot.examples.orders;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example end to end against the embedded cloud and its RocketMQ, with three orders. */
class OrdersAppTest {

    @Test
    void processesEveryOrderAndTheFailedOneOnRedelivery() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("orders.count", "3");
        overrides.setProperty("orders.failing", "order-2");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        Tally.Summary summary = new OrdersApp(Settings.load(overrides),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.processed()).isEqualTo(3);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.redelivered()).isEqualTo(1);
        assertThat(summary.deliveries()).isEqualTo(4);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(summary.table());
    }
}
