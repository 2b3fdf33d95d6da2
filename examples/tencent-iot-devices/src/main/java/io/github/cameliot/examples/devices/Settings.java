package io.github.cameliot.examples.devices;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The example's settings: {@code application.properties}, overridden by system properties ({@code -Ddevices.count=5}).
 * The same properties go to Camel Main, so the component's options ({@code camel.component.tencent-iot.*}) are given
 * the same way.
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
                .filter(name -> name.startsWith("devices.") || name.startsWith("camel."))
                .forEach(name -> properties.setProperty(name, overrides.getProperty(name)));
        return new Settings(properties);
    }

    /** Whether to run against the embedded cloud (the default) rather than the real IoT Hub. */
    boolean emulator() {
        return Boolean.parseBoolean(get("devices.emulator"));
    }

    /** Whether to create the product and devices first: by default only on the embedded cloud. */
    boolean setup() {
        return Boolean.parseBoolean(properties.getProperty("devices.setup", Boolean.toString(emulator())));
    }

    /** {@code devices.names}, or {@code lamp-1} to {@code lamp-<devices.count>}. */
    List<String> deviceNames() {
        String names = properties.getProperty("devices.names", "");
        if (!names.isBlank()) {
            return Arrays.stream(names.split(",")).map(String::trim).toList();
        }
        return IntStream.rangeClosed(1, Integer.parseInt(get("devices.count"))).mapToObj(i -> "lamp-" + i).toList();
    }

    /** How long to wait for the devices to come online, and then to apply what they were told. */
    Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(get("devices.timeout")));
    }

    String get(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set the property " + name);
        }
        return value.trim();
    }
}
