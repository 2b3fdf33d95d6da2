package io.github.cameliot.examples.orders;

import java.util.Map;

import org.apache.camel.ProducerTemplate;

/**
 * Creates through the management API (the tencent-trocket producer) what the routes need, as one would once in a new
 * account: a RocketMQ instance, the orders topic, the consumer group that processes it (with its retry limit before
 * the dead-letter queue) and a role that may send and consume. Answers the instance id.
 */
final class OrdersSetup {

    private final ProducerTemplate template;

    OrdersSetup(ProducerTemplate template) {
        this.template = template;
    }

    String provision(Settings settings) {
        Map<?, ?> instance = template.requestBody("tencent-trocket:CreateInstance", Map.of("InstanceType", "BASIC",
                "Name", "orders", "SkuCode", "basic_2k"), Map.class);
        String instanceId = String.valueOf(instance.get("InstanceId"));
        call("CreateTopic", Map.of("InstanceId", instanceId, "Topic", settings.get("orders.topic"),
                "TopicType", "NORMAL", "QueueNum", 2));
        call("CreateConsumerGroup", Map.of("InstanceId", instanceId,
                "ConsumerGroup", settings.get("orders.consumerGroup"), "MaxRetryTimes", 3, "ConsumeEnable", true,
                "ConsumeMessageOrderly", false));
        call("CreateRole", Map.of("InstanceId", instanceId, "Role", settings.get("orders.role"),
                "Remark", "the orders example's routes", "PermWrite", true, "PermRead", true));
        return instanceId;
    }

    private void call(String action, Map<String, Object> parameters) {
        template.requestBody("tencent-trocket:" + action, parameters);
    }
}
