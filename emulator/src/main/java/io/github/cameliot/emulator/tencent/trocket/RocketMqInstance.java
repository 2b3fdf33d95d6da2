package io.github.cameliot.emulator.tencent.trocket;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One emulated RocketMQ 5.x instance ({@code rmq-...}): its settings and its topics, consumer groups and roles, in
 * the order they were created. Guarded by the {@link TrocketAccount} that holds it.
 */
final class RocketMqInstance {

    /** The topic quota of an instance created without {@code MaxTopicNum}, as the documented example instances have. */
    static final int DEFAULT_TOPIC_NUM_LIMIT = 50;
    static final int GROUP_NUM_LIMIT = 500;
    static final int ROLE_NUM_LIMIT = 100;

    final String id;
    final long createdSeconds;
    String name;
    String type = "EXPERIMENT";
    String skuCode = "experiment_500";
    String remark = "";
    ArrayNode tags = JsonNodeFactory.instance.arrayNode();
    int messageRetentionHours = InstanceActions.DEFAULT_RETENTION_HOURS;
    int topicNumLimit = DEFAULT_TOPIC_NUM_LIMIT;
    double sendReceiveRatio = 0.5;
    boolean scaledTpsEnabled;
    final Map<String, Topic> topics = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Role> roles = new LinkedHashMap<>();

    RocketMqInstance(String id, long createdSeconds) {
        this.id = id;
        this.name = id;
        this.createdSeconds = createdSeconds;
    }

    /**
     * A topic.
     *
     * @param createTime milliseconds, as the documented example answers it
     */
    record Topic(String name, String type, int queueNum, String remark, Integer msgTtl, long createTime) {
    }

    /**
     * A consumer group.
     *
     * @param createdTime milliseconds, as the documented example answers it
     */
    record Group(String name, int maxRetryTimes, boolean consumeEnable, boolean consumeMessageOrderly, String remark,
                 long createdTime) {
    }

    /** A role (ACL) with the keys the RocketMQ clients sign with. */
    record Role(String name, String remark, boolean permRead, boolean permWrite, String accessKey, String secretKey,
                long createdTime, long modifiedTime) {
    }
}
