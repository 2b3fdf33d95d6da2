package io.github.cameliot.examples.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The example's settings: {@code application.properties}, overridden by system properties ({@code -Dexplorer.count=3}).
 * The same properties go to Camel Main, so the component's options ({@code camel.component.tencent-iot-explorer.*})
 * are given the same way.
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
                .filter(name -> name.startsWith("explorer.") || name.startsWith("camel."))
                .forEach(name -> properties.setProperty(name, overrides.getProperty(name)));
        return new Settings(properties);
    }

    /** Whether to run against the embedded cloud (the default) rather than the real IoT Explorer. */
    boolean emulator() {
        return Boolean.parseBoolean(get("explorer.emulator"));
    }

    /** {@code explorer.deviceNames}, or {@code lamp-1} to {@code lamp-<explorer.count>}. */
    List<String> deviceNames() {
        String names = properties.getProperty("explorer.deviceNames", "");
        if (!names.isBlank()) {
            return Arrays.stream(names.split(",")).map(String::trim).toList();
        }
        return IntStream.rangeClosed(1, Integer.parseInt(get("explorer.count"))).mapToObj(i -> "lamp-" + i).toList();
    }

    /** How long to wait for the devices' changes to be pushed. */
    Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(get("explorer.timeout")));
    }

    String get(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set the property " + name);
        }
        return value.trim();
    }
}
