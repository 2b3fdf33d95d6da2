package io.github.cameliot.examples.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The example's settings: {@code application.properties} from the class path, overridden by system properties
 * ({@code -Dfleet.devices=20}). The same properties go to Camel Main, so component options
 * ({@code camel.component.tencent-iot.secretId=...}) are given the same way.
 */
public record FleetSettings(Properties properties) {

    public static FleetSettings load(Properties overrides) {
        Properties properties = new Properties();
        try (InputStream in = FleetSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.properties", e);
        }
        overrides.stringPropertyNames().stream().filter(name -> name.startsWith("fleet.") || name.startsWith("camel."))
                .forEach(name -> properties.setProperty(name, overrides.getProperty(name)));
        return new FleetSettings(properties);
    }

    /** Whether to run against the embedded cloud (the default) rather than the clouds the properties name. */
    public boolean emulator() {
        return Boolean.parseBoolean(get("fleet.emulator", "true"));
    }

    /** Whether to create the product, devices, rules and TDMQ resources first (by default only on the emulator). */
    public boolean setup() {
        return Boolean.parseBoolean(get("fleet.setup", Boolean.toString(emulator())));
    }

    public String name() {
        return get("fleet.name", "fleet");
    }

    public List<String> deviceNames() {
        int count = Integer.parseInt(get("fleet.devices", "8"));
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("sensor-%02d", i)).toList();
    }

    /** How many readings each simulated device sends. */
    public int readingsPerDevice() {
        return Integer.parseInt(get("fleet.readings", "20"));
    }

    /** The pause between two rounds of readings of the simulated fleet. */
    public Duration period() {
        return Duration.ofMillis(Long.parseLong(get("fleet.period", "200")));
    }

    /** How long to run against the real clouds, where no simulated fleet says when it is done. */
    public Duration duration() {
        return Duration.ofSeconds(Long.parseLong(get("fleet.duration", "60")));
    }

    /** How long to wait for the last readings to get through the routes. */
    public Duration drainTimeout() {
        return Duration.ofSeconds(Long.parseLong(get("fleet.drainTimeout", "60")));
    }

    public double threshold() {
        return Double.parseDouble(get("fleet.threshold", "30"));
    }

    public int httpPort() {
        return Integer.parseInt(get("fleet.forward.port", "8080"));
    }

    /** The URL IoT Hub's forward rule posts to: {@code fleet.forward.url}, or this host's port and path. */
    public String forwardUrl() {
        return get("fleet.forward.url", "http://127.0.0.1:" + httpPort() + get("fleet.forward.path", "/fleet/forward"));
    }

    public String forwardToken() {
        return get("fleet.forward.token", "");
    }

    public String topic() {
        return get("fleet.trocket.topic", "fleet-telemetry");
    }

    public String consumerGroup() {
        return get("fleet.trocket.consumerGroup", "fleet-routes");
    }

    public String role() {
        return get("fleet.trocket.role", "fleet-routes");
    }

    public String get(String name, String fallback) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
