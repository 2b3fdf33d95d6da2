package io.github.cameliot.examples.devices;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example end to end against the embedded cloud, with two lamps. */
class DevicesAppTest {

    @Test
    void bringsEveryLampInSync() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("devices.count", "2");
        overrides.setProperty("devices.pollDelay", "100");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        Tally.Summary summary = new DevicesApp(Settings.load(overrides),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        assertThat(summary.online()).isEqualTo(2);
        assertThat(summary.desiredStates()).isEqualTo(2);
        assertThat(summary.commands()).isEqualTo(2);
        assertThat(summary.inSync()).isEqualTo(2);
        // the power-on report, the command's, the desired state, its report and its clearing: some of them per lamp
        assertThat(summary.shadowChanges()).isGreaterThanOrEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains(summary.table());
    }
}
