package io.github.cameliot.emulator.tencent.trocket;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * CreateInstance, DescribeInstance, DescribeInstanceList, ModifyInstance and DeleteInstance. DescribeInstance lists the
 * gRPC access point of the RocketMQ behind the emulator, when one runs, as the instance's OPEN VPC endpoint: that is
 * where the component's topic endpoints connect when they are given an instance id instead of an access point.
 */
final class InstanceActions {

    static final Set<String> TYPES = Set.of("EXPERIMENT", "BASIC", "PRO", "PLATINUM");
    /** The documented SkuCode values. */
    static final Set<String> SKUS = Set.of("experiment_500", "basic_1k", "basic_2k", "basic_4k", "basic_6k", "pro_4k",
            "pro_6k", "pro_1w", "pro_2w", "pro_3w", "pro_4w", "pro_5w", "platinum_6k", "platinum_1w", "platinum_2w",
            "platinum_4w", "platinum_10w", "platinum_15w", "platinum_20w", "platinum_40w", "platinum_60w",
            "platinum_100w");
    static final int DEFAULT_RETENTION_HOURS = 72;
    private static final Pattern SKU_TPS = Pattern.compile("_(\\d+)([kw]?)$");

    private final TrocketAccount account;
    private final Supplier<RocketMqBroker> broker;

    InstanceActions(TrocketAccount account, Supplier<RocketMqBroker> broker) {
        this.account = account;
        this.broker = broker;
    }

    void register(ApiServer server) {
        server.handle("CreateInstance", this::create)
                .handle("DescribeInstance", this::describe)
                .handle("DescribeInstanceList", this::list)
                .handle("ModifyInstance", this::modify)
                .handle("DeleteInstance", this::delete);
    }

    private ObjectNode create(ApiCall call) {
        String type = Params.oneOf(call, "InstanceType", TYPES, null);
        String sku = sku(call);
        int retention = Params.integer(call, "MessageRetention", DEFAULT_RETENTION_HOURS);
        int maxTopics = Params.integer(call, "MaxTopicNum", RocketMqInstance.DEFAULT_TOPIC_NUM_LIMIT);
        RocketMqInstance instance = account.rocketMq.create(created -> {
            created.name = call.text("Name");
            created.type = type;
            created.skuCode = sku;
            created.remark = Params.text(call, "Remark", "");
            created.tags = tags(call.params().path("TagList"));
            created.messageRetentionHours = retention;
            created.topicNumLimit = maxTopics;
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("InstanceId", instance.id);
        return answer;
    }

    private ObjectNode describe(ApiCall call) {
        RocketMqBroker running = broker.get();
        return account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            ObjectNode answer = item(instance);
            answer.put("GroupNumLimit", RocketMqInstance.GROUP_NUM_LIMIT);
            answer.put("RetentionUpperLimit", 720);
            answer.put("RetentionLowerLimit", 24);
            answer.put("CreatedTime", instance.createdSeconds);
            answer.put("SendReceiveRatio", instance.sendReceiveRatio);
            answer.put("ScaledTpsEnabled", instance.scaledTpsEnabled);
            answer.put("TopicQueueNumUpperLimit", 24);
            answer.put("TopicQueueNumLowerLimit", 1);
            answer.put("RenewFlag", 0);
            answer.put("RoleNumLimit", RocketMqInstance.ROLE_NUM_LIMIT);
            answer.put("AclEnabled", true);
            answer.put("TopicNumLowerLimit", instance.topicNumLimit);
            answer.put("TopicNumUpperLimit", Math.max(instance.topicNumLimit, 1000));
            ArrayNode endpoints = answer.putArray("EndpointList");
            if (running != null) {
                ObjectNode vpc = endpoints.addObject();
                vpc.put("Type", "VPC");
                vpc.put("Status", "OPEN");
                vpc.put("PayMode", "POSTPAID");
                vpc.put("EndpointUrl", running.accessPoint());
                vpc.put("VpcId", "vpc-emulator");
                vpc.put("SubnetId", "subnet-emulator");
                vpc.put("Bandwidth", 0);
                vpc.putArray("IpRules");
            }
            return answer;
        });
    }

    private ObjectNode list(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        JsonNode tagFilters = call.params().path("TagFilters");
        List<ObjectNode> matching = account.rocketMq.allInstances(instances -> instances.stream()
                .filter(i -> tagFilters.isEmpty() ? query.fuzzy("InstanceName", i.name)
                        && query.exact("InstanceId", i.id) && query.exact("InstanceType", i.type)
                        && query.exact("InstanceStatus", "RUNNING") : tagged(i, tagFilters))
                .map(InstanceActions::item).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modify(ApiCall call) {
        String sku = call.text("SkuCode") == null ? null : sku(call);
        Integer maxTopics = Params.integer(call, "MaxTopicNum", null);
        Integer retention = Params.integer(call, "MessageRetention", null);
        Boolean scaled = Params.bool(call, "ScaledTpsEnabled", null);
        JsonNode ratio = call.params().get("SendReceiveRatio");
        if (ratio != null && !ratio.isNumber()) {
            throw Params.invalid(call, "SendReceiveRatio", "a number");
        }
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            if (maxTopics != null && maxTopics < instance.topics.size()) {
                throw new ApiError("UnsupportedOperation.InstanceTopicNumDowngrade", "The instance has "
                        + instance.topics.size() + " topics; MaxTopicNum " + maxTopics + " is below that.");
            }
            instance.name = Params.text(call, "Name", instance.name);
            instance.remark = Params.text(call, "Remark", instance.remark);
            instance.skuCode = sku != null ? sku : instance.skuCode;
            instance.topicNumLimit = maxTopics != null ? maxTopics : instance.topicNumLimit;
            instance.messageRetentionHours = retention != null ? retention : instance.messageRetentionHours;
            instance.scaledTpsEnabled = scaled != null ? scaled : instance.scaledTpsEnabled;
            instance.sendReceiveRatio = ratio != null ? ratio.asDouble() : instance.sendReceiveRatio;
            return instance;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode delete(ApiCall call) {
        account.rocketMq.delete(call.text("InstanceId"));
        return JsonNodeFactory.instance.objectNode();
    }

    /** The fields an instance has in DescribeInstanceList's Data (InstanceItem); DescribeInstance adds more. */
    static ObjectNode item(RocketMqInstance instance) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("InstanceId", instance.id);
        item.put("InstanceName", instance.name);
        item.put("Version", "5.0");
        item.put("InstanceType", instance.type);
        item.put("InstanceStatus", "RUNNING");
        item.put("TopicNumLimit", instance.topicNumLimit);
        item.put("GroupNumLimit", RocketMqInstance.GROUP_NUM_LIMIT);
        item.put("PayMode", "POSTPAID");
        item.put("ExpiryTime", 0);
        item.put("Remark", instance.remark);
        item.put("TopicNum", instance.topics.size());
        item.put("GroupNum", instance.groups.size());
        item.set("TagList", instance.tags.deepCopy());
        item.put("SkuCode", instance.skuCode);
        item.put("TpsLimit", tpsLimit(instance.skuCode));
        item.put("ScaledTpsLimit", 0);
        item.put("MessageRetention", instance.messageRetentionHours);
        item.put("MaxMessageDelay", 48);
        return item;
    }

    /** The TPS a SkuCode names: experiment_500 is 500, basic_2k 2000, pro_1w 10000. */
    static int tpsLimit(String sku) {
        Matcher matcher = SKU_TPS.matcher(sku);
        if (!matcher.find()) {
            return 0;
        }
        int number = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2)) {
            case "k" -> number * 1000;
            case "w" -> number * 10000;
            default -> number;
        };
    }

    private static String sku(ApiCall call) {
        String sku = call.text("SkuCode");
        if (!SKUS.contains(sku)) {
            throw Params.invalid(call, "SkuCode", "one of the documented SkuCode values");
        }
        return sku;
    }

    private static ArrayNode tags(JsonNode tagList) {
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        for (JsonNode tag : tagList) {
            ObjectNode copy = tags.addObject();
            copy.put("TagKey", tag.path("TagKey").asText());
            copy.put("TagValue", tag.path("TagValue").asText());
        }
        return tags;
    }

    /** Whether the instance carries, for every TagFilter, its TagKey with one of its TagValues. */
    private static boolean tagged(RocketMqInstance instance, JsonNode tagFilters) {
        for (JsonNode filter : tagFilters) {
            String key = filter.path("TagKey").asText();
            boolean matched = false;
            for (JsonNode tag : instance.tags) {
                if (key.equals(tag.path("TagKey").asText())) {
                    for (JsonNode value : filter.path("TagValues")) {
                        matched |= value.asText().equals(tag.path("TagValue").asText());
                    }
                }
            }
            if (!matched) {
                return false;
            }
        }
        return true;
    }
}
