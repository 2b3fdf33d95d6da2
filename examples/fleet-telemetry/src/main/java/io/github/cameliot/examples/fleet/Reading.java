package io.github.cameliot.examples.fleet;

import java.util.Map;

/**
 * One telemetry reading of a device, validated: the device, its temperature in °C (-40 to 125, what the sensor can
 * measure) and relative humidity in % (0 to 100).
 */
public record Reading(String deviceName, double temperature, double humidity, long timestamp) {

    /** A reading that cannot be stored: the message names the field and why. */
    public static final class InvalidReadingException extends RuntimeException {
        public InvalidReadingException(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads and validates the fields a device sent. */
    public static Reading of(Map<?, ?> fields) {
        String device = fields.get("deviceName") instanceof String name && !name.isBlank() ? name : null;
        if (device == null) {
            throw new InvalidReadingException("deviceName is missing");
        }
        double temperature = number(fields, "temperature", -40, 125, device);
        double humidity = number(fields, "humidity", 0, 100, device);
        long timestamp = fields.get("timestamp") instanceof Number at ? at.longValue() : System.currentTimeMillis();
        return new Reading(device, temperature, humidity, timestamp);
    }

    private static double number(Map<?, ?> fields, String name, double min, double max, String device) {
        if (!(fields.get(name) instanceof Number value)) {
            throw new InvalidReadingException(device + ": " + name + " is missing or not a number");
        }
        double number = value.doubleValue();
        if (number < min || number > max) {
            throw new InvalidReadingException(device + ": " + name + " " + number + " is outside " + min + ".." + max);
        }
        return number;
    }
}
