package io.github.cameliot.emulator.tencent.iothub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled topic rules on what devices publish: each rule whose FROM filter matches the topic and whose
 * WHERE clause holds selects its fields from the JSON message and hands them to its actions (forward, republish,
 * TDMQ). Messages that are not JSON objects are not selected by any rule.
 */
final class RuleEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotHubState state;
    private final ForwardPoster forwarder;
    private final Supplier<RocketMqTarget> rocketMq;

    RuleEngine(IotHubState state, ForwardPoster forwarder, Supplier<RocketMqTarget> rocketMq) {
        this.state = state;
        this.forwarder = forwarder;
        this.rocketMq = rocketMq;
    }

    /** Runs the rules on a message a device published; returns how many rules selected it. */
    int onMessage(String topic, byte[] payload) {
        ObjectNode message = jsonObject(payload);
        if (message == null) {
            LOG.debug("A message on {} is not a JSON object; no rule selects it", topic);
            return 0;
        }
        List<Snapshot> rules = state.locked(() -> {
            List<Snapshot> enabled = new ArrayList<>();
            state.rules.values().stream().filter(rule -> !rule.disabled)
                    .forEach(rule -> enabled.add(new Snapshot(rule.name, rule.sql, List.copyOf(rule.actions))));
            return enabled;
        });
        int fired = 0;
        for (Snapshot rule : rules) {
            ObjectNode selected = rule.sql.select(topic, message, state.nowMillis());
            if (selected == null) {
                continue;
            }
            fired++;
            String json = selected.toString();
            for (RuleAction action : rule.actions) {
                carryOut(rule.name, action, json);
            }
        }
        return fired;
    }

    private void carryOut(String rule, RuleAction action, String json) {
        if (action instanceof RuleAction.Forward forward) {
            forwarder.post(rule, forward, json);
        } else if (action instanceof RuleAction.Republish republish) {
            republish(republish.topic(), json.getBytes(StandardCharsets.UTF_8));
        } else if (action instanceof RuleAction.Tdmq tdmq) {
            RocketMqTarget target = rocketMq.get();
            if (target == null) {
                LOG.warn("Rule {}: no RocketMQ target is wired; the message for {} is dropped", rule, tdmq.topic());
                return;
            }
            try {
                target.send(tdmq.instanceId(), tdmq.topic(), tdmq.tag(), json.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.warn("Rule {}: the message for the TDMQ topic {} was not sent", rule, tdmq.topic(), e);
            }
        } else {
            LOG.debug("Rule {}: the {} action is not emulated", rule, ((RuleAction.NotEmulated) action).kind());
        }
    }

    /** Publishes to a device topic (QoS 0): the device receives it when it is online. */
    private void republish(String topic, byte[] payload) {
        String[] levels = topic.split("/", 3);
        Runnable notify = state.locked(() -> {
            Device device = state.findDevice(levels[0], levels[1]);
            return device != null && device.isOnline()
                    ? DeviceMailbox.receive(device, new DeviceMessage(topic, payload, 0)) : (Runnable) () -> { };
        });
        notify.run();
    }

    private static ObjectNode jsonObject(byte[] payload) {
        try {
            JsonNode node = MAPPER.readTree(payload);
            return node instanceof ObjectNode object ? object : null;
        } catch (Exception e) {
            return null;
        }
    }

    private record Snapshot(String name, RuleSql sql, List<RuleAction> actions) {
    }
}
