package io.github.cameliot.emulator.tencent.trocket;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The MQTT instances and their first-level topics: CreateMQTTInstance, DescribeMQTTInstance,
 * DescribeMQTTInstanceList, ModifyMQTTInstance, DeleteMQTTInstance, and CreateMQTTTopic, DescribeMQTTTopic,
 * DescribeMQTTTopicList, ModifyMQTTTopic, DeleteMQTTTopic.
 */
final class MqttInstanceActions {

    /** The limits of the documented example instance (basic_1k). */
    static final int TOPIC_NUM_LIMIT = 25;
    static final int CLIENT_NUM_LIMIT = 1000;

    private final InstanceStore<MqttInstance> instances;
    private final TrocketAccount account;

    MqttInstanceActions(TrocketAccount account) {
        this.account = account;
        this.instances = account.mqtt;
    }

    void register(ApiServer server) {
        server.handle("CreateMQTTInstance", this::create)
                .handle("DescribeMQTTInstance", this::describe)
                .handle("DescribeMQTTInstanceList", this::list)
                .handle("ModifyMQTTInstance", this::modify)
                .handle("DeleteMQTTInstance", this::delete)
                .handle("CreateMQTTTopic", this::createTopic)
                .handle("DescribeMQTTTopic", this::describeTopic)
                .handle("DescribeMQTTTopicList", this::listTopics)
                .handle("ModifyMQTTTopic", this::modifyTopic)
                .handle("DeleteMQTTTopic", this::deleteTopic);
    }

    private ObjectNode create(ApiCall call) {
        String type = Params.oneOf(call, "InstanceType", InstanceActions.TYPES, null);
        String sku = call.text("SkuCode");
        MqttInstance instance = instances.create(created -> {
            created.name = call.text("Name");
            created.type = type;
            created.skuCode = sku;
            created.remark = Params.text(call, "Remark", "");
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("InstanceId", instance.id);
        return answer;
    }

    private ObjectNode describe(ApiCall call) {
        return instances.inInstance(call.text("InstanceId"), instance -> {
            ObjectNode answer = item(instance);
            answer.remove("Version");
            answer.put("SubscriptionNumLimit", CLIENT_NUM_LIMIT);
            answer.put("ClientNumLimit", CLIENT_NUM_LIMIT);
            return answer;
        });
    }

    private ObjectNode list(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        List<ObjectNode> matching = instances.allInstances(all -> all.stream()
                .filter(i -> query.fuzzy("InstanceName", i.name) && query.exact("InstanceId", i.id)
                        && query.exact("InstanceType", i.type) && query.exact("InstanceStatus", "RUNNING"))
                .map(MqttInstanceActions::item).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modify(ApiCall call) {
        instances.inInstance(call.text("InstanceId"), instance -> {
            instance.name = Params.text(call, "Name", instance.name);
            instance.remark = Params.text(call, "Remark", instance.remark);
            return instance;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode delete(ApiCall call) {
        instances.delete(call.text("InstanceId"));
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode createTopic(ApiCall call) {
        String name = call.text("Topic");
        MqttInstance.Topic topic = new MqttInstance.Topic(name, Params.text(call, "Remark", ""),
                account.millis() / 1000);
        String instanceId = instances.inInstance(call.text("InstanceId"), instance -> {
            if (instance.topics.containsKey(name)) {
                throw new ApiError(TrocketAccount.ALREADY_EXISTS, "The topic " + name + " exists already.");
            }
            if (instance.topics.size() >= TOPIC_NUM_LIMIT) {
                throw new ApiError("LimitExceeded.TopicNum", "The instance " + instance.id + " has reached its limit "
                        + "of " + TOPIC_NUM_LIMIT + " topics.");
            }
            instance.topics.put(name, topic);
            return instance.id;
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("InstanceId", instanceId);
        answer.put("Topic", name);
        return answer;
    }

    private ObjectNode describeTopic(ApiCall call) {
        return instances.inInstance(call.text("InstanceId"), instance -> {
            MqttInstance.Topic topic = topic(instance, call.text("Topic"));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("InstanceId", instance.id);
            answer.put("Topic", topic.name());
            answer.put("Remark", topic.remark());
            answer.put("CreateTime", topic.createTime());
            return answer;
        });
    }

    private ObjectNode listTopics(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        List<ObjectNode> matching = instances.inInstance(call.text("InstanceId"), instance -> instance.topics.values()
                .stream().filter(topic -> query.fuzzy("TopicName", topic.name())).map(topic -> {
                    ObjectNode item = JsonNodeFactory.instance.objectNode();
                    item.put("InstanceId", instance.id);
                    item.put("Topic", topic.name());
                    item.put("Remark", topic.remark());
                    return item;
                }).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modifyTopic(ApiCall call) {
        instances.inInstance(call.text("InstanceId"), instance -> {
            MqttInstance.Topic topic = topic(instance, call.text("Topic"));
            return instance.topics.put(topic.name(), new MqttInstance.Topic(topic.name(),
                    Params.text(call, "Remark", topic.remark()), topic.createTime()));
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode deleteTopic(ApiCall call) {
        instances.inInstance(call.text("InstanceId"), instance -> instance.topics.remove(topic(instance,
                call.text("Topic")).name()));
        return JsonNodeFactory.instance.objectNode();
    }

    private static MqttInstance.Topic topic(MqttInstance instance, String name) {
        MqttInstance.Topic topic = instance.topics.get(name);
        if (topic == null) {
            throw new ApiError(TrocketAccount.TOPIC_NOT_FOUND, "The topic " + name + " does not exist in the instance "
                    + instance.id + ".");
        }
        return topic;
    }

    /** The fields of an instance in DescribeMQTTInstanceList's Data (MQTTInstanceItem). */
    private static ObjectNode item(MqttInstance instance) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("InstanceId", instance.id);
        item.put("InstanceName", instance.name);
        item.put("Version", "1");
        item.put("InstanceType", instance.type);
        item.put("InstanceStatus", "RUNNING");
        item.put("TopicNumLimit", TOPIC_NUM_LIMIT);
        item.put("Remark", instance.remark);
        item.put("TopicNum", instance.topics.size());
        item.put("SkuCode", instance.skuCode);
        item.put("TpsLimit", InstanceActions.tpsLimit(instance.skuCode));
        item.put("CreateTime", instance.createdSeconds);
        return item;
    }
}
