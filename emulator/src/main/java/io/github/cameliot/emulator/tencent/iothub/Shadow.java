package io.github.cameliot.emulator.tencent.iothub;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device shadow: the desired state the cloud asks for, the reported state the device has, the time of each
 * top-level entry's last change, and a version that every change increments. The version is the optimistic lock of
 * UpdateDeviceShadow. Not thread-safe: the {@link IotHubState} lock guards it.
 */
final class Shadow {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode desired = JSON.objectNode();
    private final ObjectNode reported = JSON.objectNode();
    private final ObjectNode desiredMetadata = JSON.objectNode();
    private final ObjectNode reportedMetadata = JSON.objectNode();
    private long version;
    private long timestamp;

    Shadow(long nowMillis) {
        this.timestamp = nowMillis;
    }

    long version() {
        return version;
    }

    ObjectNode desired() {
        return desired.deepCopy();
    }

    ObjectNode reported() {
        return reported.deepCopy();
    }

    /** Merges a desired patch; a null value removes its entry. */
    void desire(ObjectNode patch, long nowMillis) {
        merge(desired, desiredMetadata, patch, nowMillis);
    }

    /** Merges a reported patch, as the device's {@code update} on its shadow topic does. */
    void report(ObjectNode patch, long nowMillis) {
        merge(reported, reportedMetadata, patch, nowMillis);
    }

    /** The shadow document as DescribeDeviceShadow ({@code get}) and UpdateDeviceShadow ({@code update}) answer it. */
    String document(String type, long nowMillis) {
        ObjectNode root = JSON.objectNode();
        ObjectNode payload = root.putObject("payload");
        ObjectNode state = payload.putObject("state");
        ObjectNode metadata = payload.putObject("metadata");
        if (!desired.isEmpty()) {
            state.set("desired", desired.deepCopy());
            metadata.set("desired", desiredMetadata.deepCopy());
        }
        if (!reported.isEmpty()) {
            state.set("reported", reported.deepCopy());
            metadata.set("reported", reportedMetadata.deepCopy());
        }
        payload.put("timestamp", timestamp);
        payload.put("version", version);
        root.put("result", 0);
        root.put("timestamp", nowMillis);
        root.put("type", type);
        return root.toString();
    }

    private void merge(ObjectNode target, ObjectNode metadata, ObjectNode patch, long nowMillis) {
        mergeInto(target, patch);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            String key = it.next().getKey();
            if (target.has(key)) {
                metadata.putObject(key).put("timestamp", nowMillis);
            } else {
                metadata.remove(key);
            }
        }
        version++;
        timestamp = nowMillis;
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject() && target.get(entry.getKey()) instanceof ObjectNode nested) {
                mergeInto(nested, (ObjectNode) value);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        });
    }
}
