package io.github.cameliot.examples.explorer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example end to end against the embedded cloud, with two lamps. */
class ExplorerPushAppTest {

    @Test
    void pushesWhatEveryControlledLampReports() throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("explorer.count", "2");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        Tally.Summary summary = new ExplorerPushApp(Settings.load(overrides),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run();

        assertThat(summary.controls()).isEqualTo(2);
        assertThat(summary.controlPushes()).isEqualTo(2);
        assertThat(summary.propertyReports()).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("bound [lamp-1, lamp-2]")
                .contains(summary.table());
    }
}
