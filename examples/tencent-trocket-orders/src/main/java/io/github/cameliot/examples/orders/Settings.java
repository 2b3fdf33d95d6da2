package io.github.cameliot.examples.orders;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * The example's settings: {@code application.properties}, overridden by system properties ({@code -Dorders.count=50}).
 * The same properties go to Camel Main, so the component's options ({@code camel.component.tencent-trocket.*}) are
 * given the same way.
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
                .filter(name -> name.startsWith("orders.") || name.startsWith("camel."))
                .forEach(name -> properties.setProperty(name, overrides.getProperty(name)));
        return new Settings(properties);
    }

    /** Whether to run against the embedded cloud (the default) rather than the real TDMQ RocketMQ. */
    boolean emulator() {
        return Boolean.parseBoolean(get("orders.emulator"));
    }

    /** Whether to create the instance, topic, consumer group and role first: by default only on the embedded cloud. */
    boolean setup() {
        return Boolean.parseBoolean(properties.getProperty("orders.setup", Boolean.toString(emulator())));
    }

    int count() {
        return Integer.parseInt(get("orders.count"));
    }

    /** How long to wait for every order to be processed. */
    Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(get("orders.timeout")));
    }

    String get(String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set the property " + name);
        }
        return value.trim();
    }
}
