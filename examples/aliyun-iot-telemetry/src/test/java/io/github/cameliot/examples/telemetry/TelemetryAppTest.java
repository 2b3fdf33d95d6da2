package io.github.cameliot.examples.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example end to end against the embedded cloud and its AMQP subscription, with two meters. */
class TelemetryAppTest {

    @Test
    void receivesTheReadingsAndTheAnswers() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("telemetry.count", "2");
        overrides.setProperty("telemetry.readings", "3");
        overrides.setProperty("telemetry.period", "50");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        Tally.Summary summary = new TelemetryApp(Settings.load(overrides),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        assertThat(summary.readings()).isEqualTo(2 * 3);
        assertThat(summary.statusMessages()).as("online").isEqualTo(2);
        assertThat(summary.rrpcAnswered()).isEqualTo(2);
        assertThat(summary.commands()).isEqualTo(2);
        assertThat(summary.acknowledged()).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(summary.table());
    }
}
