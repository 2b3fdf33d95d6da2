package io.github.cameliot.examples.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The example's settings: {@code application.properties}, overridden by system properties
 * ({@code -Dtelemetry.count=5}). The same properties go to Camel Main, so the component's options
 * ({@code camel.component.aliyun-iot.*}) are given the same way.
 */
record Settings(Properties properties) {

    static Settings load(Properties overrides) {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.properties", e);
        }
        overrides.stringPropertyNames().stream()
                .filter(name -> name.startsWith("telemetry.") || name.startsWith("camel."))
                .forEach(name -> properties.setProperty(name, overrides.getProperty(name)));
        return new Settings(properties);
    }

    /** Whether to run against the embedded cloud (the default) rather than the real IoT Platform. */
    boolean emulator() {
        return Boolean.parseBoolean(get("telemetry.emulator"));
    }

    /** Whether to create the product and register the devices first: by default only on the embedded cloud. */
    boolean setup() {
        return Boolean.parseBoolean(properties.getProperty("telemetry.setup", Boolean.toString(emulator())));
    }

    /** {@code telemetry.deviceNames}, or {@code meter-1} to {@code meter-<telemetry.count>}. */
    List<String> deviceNames() {
        String names = properties.getProperty("telemetry.deviceNames", "");
        if (!names.isBlank()) {
            return Arrays.stream(names.split(",")).map(String::trim).toList();
        }
        return IntStream.rangeClosed(1, Integer.parseInt(get("telemetry.count"))).mapToObj(i -> "meter-" + i).toList();
    }

    /** How many readings each simulated device sends. */
    int readings() {
        return Integer.parseInt(get("telemetry.readings"));
    }

    /** The pause between two rounds of readings. */
    Duration period() {
        return Duration.ofMillis(Long.parseLong(get("telemetry.period")));
    }

    /** How long to wait for the last messages; against the real cloud, how long to listen. */
    Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(get("telemetry.timeout")));
    }

    String get(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set the property " + name);
        }
        return value.trim();
    }
}
