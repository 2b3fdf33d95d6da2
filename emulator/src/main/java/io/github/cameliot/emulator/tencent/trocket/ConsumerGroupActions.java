package io.github.cameliot.emulator.tencent.trocket;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * CreateConsumerGroup, DescribeConsumerGroup, DescribeConsumerGroupList, ModifyConsumerGroup and DeleteConsumerGroup.
 * When a RocketMQ runs behind the emulator, CreateConsumerGroup creates the subscription group there too, with its
 * retry limit and delivery order. Subscriptions are not tracked: a list asked {@code FromTopic} is empty, and the
 * consumption figures (consumers, TPS, lag) are zero.
 */
final class ConsumerGroupActions {

    private final TrocketAccount account;
    private final Supplier<RocketMqBroker> broker;

    ConsumerGroupActions(TrocketAccount account, Supplier<RocketMqBroker> broker) {
        this.account = account;
        this.broker = broker;
    }

    void register(ApiServer server) {
        server.handle("CreateConsumerGroup", this::create)
                .handle("DescribeConsumerGroup", this::describe)
                .handle("DescribeConsumerGroupList", this::list)
                .handle("ModifyConsumerGroup", this::modify)
                .handle("DeleteConsumerGroup", this::delete);
    }

    private ObjectNode create(ApiCall call) {
        String instanceId = call.text("InstanceId");
        String name = call.text("ConsumerGroup");
        RocketMqInstance.Group group = new RocketMqInstance.Group(name, retries(call, Params.integer(call,
                "MaxRetryTimes", null)), Params.bool(call, "ConsumeEnable", null),
                Params.bool(call, "ConsumeMessageOrderly", null), Params.text(call, "Remark", ""), account.millis());
        account.rocketMq.inInstance(instanceId, instance -> {
            if (instance.groups.containsKey(name)) {
                throw new ApiError(TrocketAccount.ALREADY_EXISTS, "The consumer group " + name + " exists already.");
            }
            return instance.groups.put(name, group);
        });
        RocketMqBroker running = broker.get();
        if (running != null) {
            try {
                running.createGroup(name, group.maxRetryTimes(), group.consumeMessageOrderly());
            } catch (RuntimeException e) {
                account.rocketMq.inInstance(instanceId, instance -> instance.groups.remove(name, group));
                throw new ApiError("FailedOperation", "RocketMQ did not create the consumer group " + name + ".");
            }
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("InstanceId", instanceId);
        answer.put("ConsumerGroup", name);
        return answer;
    }

    private ObjectNode describe(ApiCall call) {
        return account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            RocketMqInstance.Group group = group(instance, call.text("ConsumerGroup"));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("ConsumerNum", 0);
            answer.put("Tps", 0);
            answer.put("ConsumerLag", 0);
            answer.put("ConsumeType", "");
            answer.put("CreatedTime", group.createdTime());
            answer.put("ConsumeMessageOrderly", group.consumeMessageOrderly());
            answer.put("ConsumeEnable", group.consumeEnable());
            answer.put("MaxRetryTimes", group.maxRetryTimes());
            answer.put("Remark", group.remark());
            return answer;
        });
    }

    private ObjectNode list(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        boolean fromTopic = call.text("FromTopic") != null;
        List<ObjectNode> matching = account.rocketMq.inInstance(call.text("InstanceId"),
                instance -> instance.groups.values().stream()
                .filter(group -> !fromTopic && query.fuzzy("ConsumerGroupName", group.name())
                        && query.exact("ConsumeMessageOrderly", String.valueOf(group.consumeMessageOrderly())))
                .map(group -> item(instance, group)).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modify(ApiCall call) {
        Integer retries = Params.integer(call, "MaxRetryTimes", null);
        if (retries != null) {
            retries(call, retries);
        }
        Boolean enable = Params.bool(call, "ConsumeEnable", null);
        Boolean orderly = Params.bool(call, "ConsumeMessageOrderly", null);
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            RocketMqInstance.Group group = group(instance, call.text("ConsumerGroup"));
            return instance.groups.put(group.name(), new RocketMqInstance.Group(group.name(),
                    retries != null ? retries : group.maxRetryTimes(),
                    enable != null ? enable : group.consumeEnable(),
                    orderly != null ? orderly : group.consumeMessageOrderly(),
                    Params.text(call, "Remark", group.remark()), group.createdTime()));
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode delete(ApiCall call) {
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> instance.groups.remove(group(instance,
                call.text("ConsumerGroup")).name()));
        return JsonNodeFactory.instance.objectNode();
    }

    private static RocketMqInstance.Group group(RocketMqInstance instance, String name) {
        RocketMqInstance.Group group = instance.groups.get(name);
        if (group == null) {
            throw new ApiError(TrocketAccount.GROUP_NOT_FOUND, "The consumer group " + name
                    + " does not exist in the instance " + instance.id + ".");
        }
        return group;
    }

    private static int retries(ApiCall call, int retries) {
        if (retries < 0) {
            throw Params.invalid(call, "MaxRetryTimes", "0 or more");
        }
        return retries;
    }

    private static ObjectNode item(RocketMqInstance instance, RocketMqInstance.Group group) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("InstanceId", instance.id);
        item.put("ConsumerGroup", group.name());
        item.put("ConsumeEnable", group.consumeEnable());
        item.put("ConsumeMessageOrderly", group.consumeMessageOrderly());
        item.put("MaxRetryTimes", group.maxRetryTimes());
        item.put("Remark", group.remark());
        return item;
    }
}
