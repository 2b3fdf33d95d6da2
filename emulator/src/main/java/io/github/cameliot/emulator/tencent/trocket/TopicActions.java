package io.github.cameliot.emulator.tencent.trocket;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * CreateTopic, DescribeTopic, DescribeTopicList, ModifyTopic and DeleteTopic. When a RocketMQ runs behind the emulator,
 * CreateTopic creates the topic there too, with its message type, so that clients can use it at once. Subscriptions
 * are not tracked: DescribeTopic answers none.
 */
final class TopicActions {

    static final Set<String> TYPES = Set.of("UNSPECIFIED", "NORMAL", "FIFO", "DELAY", "TRANSACTION");
    /** DescribeTopicList's TopicType filter takes the 4.x names; the 5.x ones are matched too. */
    private static final Map<String, String> FILTER_TYPES = Map.of("Normal", "NORMAL", "Order", "FIFO",
            "Transaction", "TRANSACTION", "DelayScheduled", "DELAY");

    private final TrocketAccount account;
    private final Supplier<RocketMqBroker> broker;

    TopicActions(TrocketAccount account, Supplier<RocketMqBroker> broker) {
        this.account = account;
        this.broker = broker;
    }

    void register(ApiServer server) {
        server.handle("CreateTopic", this::create)
                .handle("DescribeTopic", this::describe)
                .handle("DescribeTopicList", this::list)
                .handle("ModifyTopic", this::modify)
                .handle("DeleteTopic", this::delete);
    }

    private ObjectNode create(ApiCall call) {
        String instanceId = call.text("InstanceId");
        String name = call.text("Topic");
        String type = Params.oneOf(call, "TopicType", TYPES, null);
        int queues = queues(call, Params.integer(call, "QueueNum", null));
        RocketMqInstance.Topic topic = new RocketMqInstance.Topic(name, type, queues, Params.text(call, "Remark", ""),
                Params.integer(call, "MsgTTL", null), account.millis());
        account.rocketMq.inInstance(instanceId, instance -> {
            if (instance.topics.containsKey(name)) {
                throw new ApiError(TrocketAccount.ALREADY_EXISTS, "The topic " + name + " exists already.");
            }
            if (instance.topics.size() >= instance.topicNumLimit) {
                throw new ApiError("LimitExceeded.TopicNum", "The instance " + instanceId + " has reached its limit of "
                        + instance.topicNumLimit + " topics.");
            }
            return instance.topics.put(name, topic);
        });
        RocketMqBroker running = broker.get();
        if (running != null) {
            try {
                running.createTopic(name, "UNSPECIFIED".equals(type) ? "NORMAL" : type, queues);
            } catch (RuntimeException e) {
                account.rocketMq.inInstance(instanceId, instance -> instance.topics.remove(name, topic));
                throw new ApiError("FailedOperation", "RocketMQ did not create the topic " + name + ".");
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("InstanceId", instanceId);
        answer.put("Topic", name);
        return answer;
    }

    private ObjectNode describe(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        return account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            RocketMqInstance.Topic topic = topic(instance, call.text("Topic"));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("InstanceId", instance.id);
            answer.put("Topic", topic.name());
            answer.put("TopicType", topic.type());
            answer.put("Remark", topic.remark());
            answer.put("CreateTime", topic.createTime());
            answer.put("LastUpdateTime", 0);
            if (topic.msgTtl() != null) {
                answer.put("MsgTTL", topic.msgTtl());
            }
            ObjectNode subscriptions = query.page(List.of(), "SubscriptionData");
            answer.set("SubscriptionCount", subscriptions.get("TotalCount"));
            answer.set("SubscriptionData", subscriptions.get("SubscriptionData"));
            return answer;
        });
    }

    private ObjectNode list(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        List<ObjectNode> matching = account.rocketMq.inInstance(call.text("InstanceId"),
                instance -> instance.topics.values().stream()
                .filter(topic -> query.fuzzy("TopicName", topic.name())
                        && (query.exact("TopicType", topic.type())
                        || query.exact("TopicType", filterName(topic.type()))))
                .map(topic -> item(instance, topic)).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modify(ApiCall call) {
        Integer queues = Params.integer(call, "QueueNum", null);
        if (queues != null) {
            queues(call, queues);
        }
        Integer ttl = Params.integer(call, "MsgTTL", null);
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            RocketMqInstance.Topic topic = topic(instance, call.text("Topic"));
            return instance.topics.put(topic.name(), new RocketMqInstance.Topic(topic.name(), topic.type(),
                    queues != null ? queues : topic.queueNum(), Params.text(call, "Remark", topic.remark()),
                    ttl != null ? ttl : topic.msgTtl(), topic.createTime()));
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode delete(ApiCall call) {
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> instance.topics.remove(topic(instance,
                call.text("Topic")).name()));
        return JsonNodeFactory.instance.objectNode();
    }

    static RocketMqInstance.Topic topic(RocketMqInstance instance, String name) {
        RocketMqInstance.Topic topic = instance.topics.get(name);
        if (topic == null) {
            throw new ApiError(TrocketAccount.TOPIC_NOT_FOUND, "The topic " + name + " does not exist in the instance "
                    + instance.id + ".");
        }
        return topic;
    }

    private static int queues(ApiCall call, int queues) {
        if (queues < 1) {
            throw Params.invalid(call, "QueueNum", "at least 1");
        }
        return queues;
    }

    private static String filterName(String type) {
        return FILTER_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .findFirst().orElse(type);
    }

    private static ObjectNode item(RocketMqInstance instance, RocketMqInstance.Topic topic) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("InstanceId", instance.id);
        item.put("Topic", topic.name());
        item.put("TopicType", topic.type());
        item.put("QueueNum", topic.queueNum());
        item.put("Remark", topic.remark());
        if (topic.msgTtl() != null) {
            item.put("MsgTTL", topic.msgTtl());
        }
        return item;
    }
}
