package io.github.cameliot.emulator.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device's shadow: its desired state (set by UpdateDeviceShadow), its reported state (set by the device), the time
 * each attribute was last set, and a version that every change raises. The cloud only takes a desired update whose
 * version is greater than the current one; the device's own reports raise the version by one.
 */
final class DeviceShadow {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode desired = MAPPER.createObjectNode();
    private final ObjectNode reported = MAPPER.createObjectNode();
    private final ObjectNode desiredTimes = MAPPER.createObjectNode();
    private final ObjectNode reportedTimes = MAPPER.createObjectNode();
    private long version;
    private long timestamp;

    /** Whether the shadow has ever been written. */
    boolean exists() {
        return version > 0;
    }

    long version() {
        return version;
    }

    /** Takes the desired attributes of an update at the version the update names. */
    void desire(ObjectNode attributes, long newVersion, long millis) {
        merge(attributes, desired, desiredTimes, millis);
        version = newVersion;
        timestamp = millis / 1000;
    }

    /** Takes the attributes the device reports, one version up. */
    void report(ObjectNode attributes, long millis) {
        merge(attributes, reported, reportedTimes, millis);
        version++;
        timestamp = millis / 1000;
    }

    /** The shadow document GetDeviceShadow answers, as its {@code ShadowMessage} text holds it. */
    ObjectNode document() {
        ObjectNode document = MAPPER.createObjectNode();
        ObjectNode state = document.putObject("state");
        state.set("desired", desired.deepCopy());
        state.set("reported", reported.deepCopy());
        ObjectNode metadata = document.putObject("metadata");
        metadata.set("desired", desiredTimes.deepCopy());
        metadata.set("reported", reportedTimes.deepCopy());
        document.put("timestamp", timestamp);
        document.put("version", version);
        return document;
    }

    /** A null attribute clears it, as in the shadow's own protocol. */
    private static void merge(ObjectNode attributes, ObjectNode into, ObjectNode times, long millis) {
        attributes.properties().forEach(attribute -> {
            JsonNode value = attribute.getValue();
            if (value.isNull()) {
                into.remove(attribute.getKey());
                times.remove(attribute.getKey());
            } else {
                into.set(attribute.getKey(), value);
                times.putObject(attribute.getKey()).put("timestamp", millis / 1000);
            }
        });
    }
}
