package io.github.cameliot.examples.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The flagship example end to end against the embedded cloud, shortened: a small fleet and a few rounds. */
class FleetTelemetryAppTest {

    @Test
    void runsTheFleetToItsSummary() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("fleet.devices", "6");
        overrides.setProperty("fleet.readings", "10");
        overrides.setProperty("fleet.period", "50");
        overrides.setProperty("fleet.windowTimeout", "1000");
        overrides.setProperty("fleet.forward.port", Integer.toString(freePort()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        FleetCounters.Summary summary = new FleetTelemetryApp(FleetSettings.load(overrides),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        String printed = output.toString(StandardCharsets.UTF_8);
        // 6 devices x 10 rounds on the event topic, and every other round on the status topic
        assertThat(summary.messagesIn()).isEqualTo(6 * 10 + 6 * 5);
        assertThat(summary.failures()).as("broken readings").isPositive();
        assertThat(summary.stored() + summary.failures()).isEqualTo(summary.messagesIn());
        assertThat(summary.mirrored()).isEqualTo(summary.stored());
        assertThat(summary.commandsSent()).isPositive();
        assertThat(summary.shadowsUpdated()).isEqualTo(summary.commandsSent());
        assertThat(printed).contains("Readings in the database: " + summary.stored())
                .contains(summary.table());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
