package io.github.cameliot.emulator.tencent.trocket;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One emulated MQTT instance ({@code mqtt-...}): its settings, first-level topics, users and public endpoint, in the
 * order they were created. Guarded by the {@link InstanceStore} that holds it.
 */
final class MqttInstance {

    final String id;
    final long createdSeconds;
    String name;
    String type = "BASIC";
    String skuCode = "basic_1k";
    String remark = "";
    final Map<String, Topic> topics = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    /** The public endpoint, null until CreateMQTTInsPublicEndpoint. */
    PublicEndpoint publicEndpoint;

    MqttInstance(String id, long createdSeconds) {
        this.id = id;
        this.name = id;
        this.createdSeconds = createdSeconds;
    }

    /** A first-level topic; {@code createTime} in seconds, as the documented example answers it. */
    record Topic(String name, String remark, long createTime) {
    }

    /** A user, with the password DescribeMQTTUserList answers in plain text; times in milliseconds as the example. */
    record User(String username, String password, boolean permRead, boolean permWrite, String remark,
                long createdTime, long modifiedTime) {
    }

    /** The public endpoint's bandwidth (Mbps) and allow-list ({@code PublicAccessRule}s). */
    record PublicEndpoint(int bandwidth, ArrayNode rules) {
    }
}
