package io.github.cameliot.examples.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.ProducerTemplate;

/**
 * Provisions what the fleet needs, through the components, as one would once in a new account: the IoT Hub
 * product, its devices and two topic rules (forward the devices' {@code event} messages to the example's HTTP
 * endpoint, put their {@code status} messages on a TDMQ topic), the TDMQ RocketMQ instance, topic, consumer group
 * and role, and the Alibaba IoT product and devices the readings are mirrored to. Answers the ids as the
 * {@code fleet.*} properties the routes read.
 */
final class FleetSetup {

    private final ProducerTemplate template;
    private final FleetSettings settings;

    FleetSetup(ProducerTemplate template, FleetSettings settings) {
        this.template = template;
        this.settings = settings;
    }

    Properties provision() {
        Properties ids = new Properties();
        String instanceId = trocket(ids);
        String productId = text(call("tencent-iot:CreateProduct", Map.of("ProductName", settings.name(),
                "ProductProperties", Map.of("ProductDescription", "cameliot fleet", "Format", "json"))), "ProductId");
        ids.setProperty("fleet.tencent.productId", productId);
        for (String device : settings.deviceNames()) {
            call("tencent-iot:CreateDevice", Map.of("ProductId", productId, "DeviceName", device,
                    "Attribute", Map.of("Tags", List.of(Map.of("Tag", "location", "Type", 2,
                            "Value", "hall-" + (1 + Math.abs(device.hashCode()) % 3))))));
        }
        rule(productId, "fleet_forward", "event", "[{\"forward\":{\"api\":\"" + settings.forwardUrl()
                + "\",\"token\":\"" + settings.forwardToken() + "\"}}]");
        rule(productId, "fleet_tdmq", "status", "[{\"tdmq\":{\"instance\":{\"id\":\"" + instanceId
                + "\"},\"topic\":{\"name\":\"" + settings.topic() + "\"}}}]");

        String productKey = text(call("aliyun-iot:CreateProduct", Map.of("ProductName", settings.name(),
                "NodeType", 0, "DataFormat", 1)), "ProductKey");
        for (String device : settings.deviceNames()) {
            call("aliyun-iot:RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", device));
        }
        ids.setProperty("fleet.aliyun.productKey", productKey);
        return ids;
    }

    private String trocket(Properties ids) {
        String instanceId = text(call("tencent-trocket:CreateInstance", Map.of("InstanceType", "BASIC",
                "Name", settings.name(), "SkuCode", "basic_2k")), "InstanceId");
        call("tencent-trocket:CreateTopic", Map.of("InstanceId", instanceId, "Topic", settings.topic(),
                "TopicType", "NORMAL", "QueueNum", 4));
        call("tencent-trocket:CreateConsumerGroup", Map.of("InstanceId", instanceId,
                "ConsumerGroup", settings.consumerGroup(), "MaxRetryTimes", 16, "ConsumeEnable", true,
                "ConsumeMessageOrderly", false));
        call("tencent-trocket:CreateRole", Map.of("InstanceId", instanceId, "Role", settings.role(), "Remark", "the fleet example's routes", "PermWrite", true,
                "PermRead", true));
        ids.setProperty("fleet.trocket.instanceId", instanceId);
        ids.setProperty("fleet.trocket.topic", settings.topic());
        ids.setProperty("fleet.trocket.consumerGroup", settings.consumerGroup());
        return instanceId;
    }

    private void rule(String productId, String name, String topic, String actions) {
        String sql = "SELECT * FROM '" + productId + "/+/" + topic + "'";
        call("tencent-iot:CreateTopicRule", Map.of("RuleName", name, "TopicRulePayload", Map.of(
                "Sql", Base64.getEncoder().encodeToString(sql.getBytes(StandardCharsets.UTF_8)),
                "Actions", actions, "RuleDisabled", false)));
    }

    private Map<?, ?> call(String uri, Map<String, Object> parameters) {
        return template.requestBody(uri, parameters, Map.class);
    }

    private static String text(Map<?, ?> answer, String field) {
        Object value = answer.get(field);
        if (value == null) {
            throw new IllegalStateException("The answer has no " + field + ": " + answer.keySet());
        }
        return value.toString();
    }
}
