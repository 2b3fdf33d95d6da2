package io.github.cameliot.emulator.tencent.iothub;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/** The rule engine actions: creating, replacing, enabling, disabling and deleting topic rules. */
final class TopicRuleActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotHubState state;
    private final BooleanSupplier tdmqReachable;

    /**
     * @param tdmqReachable whether a RocketMQ target is wired: without one, enabling a rule with a {@code tdmq}
     *                      action is refused as the cloud refuses a TDMQ instance it cannot reach
     */
    TopicRuleActions(IotHubState state, BooleanSupplier tdmqReachable) {
        this.state = state;
        this.tdmqReachable = tdmqReachable;
    }

    void register(ApiServer server) {
        server.handle("CreateTopicRule", call -> state.locked(() -> create(call)));
        server.handle("ReplaceTopicRule", call -> state.locked(() -> replace(call)));
        server.handle("EnableTopicRule", call -> state.locked(() -> enable(call, true)));
        server.handle("DisableTopicRule", call -> state.locked(() -> enable(call, false)));
        server.handle("DeleteTopicRule", call -> state.locked(() -> {
            rule(call);
            state.rules.remove(call.text("RuleName"));
            return JsonNodeFactory.instance.objectNode();
        }));
    }

    private ObjectNode create(ApiCall call) {
        String name = call.text("RuleName");
        if (state.rules.containsKey(name)) {
            throw IotHubErrors.invalid("TopicRuleAlreadyExist", "The topic rule " + name + " exists.");
        }
        TopicRule rule = new TopicRule(name, state.nowSeconds());
        apply(rule, call.params().get("TopicRulePayload"));
        state.rules.put(name, rule);
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode replace(ApiCall call) {
        apply(rule(call), call.params().get("TopicRulePayload"));
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode enable(ApiCall call, boolean enable) {
        TopicRule rule = rule(call);
        if (enable && !rule.disabled) {
            throw IotHubErrors.failed("RuleAlreadyEnabled", "The topic rule " + rule.name + " is enabled.");
        }
        if (!enable && rule.disabled) {
            throw IotHubErrors.failed("RuleAlreadyDisabled", "The topic rule " + rule.name + " is disabled.");
        }
        if (enable) {
            checkRunnable(rule.actions);
        }
        rule.disabled = !enable;
        return JsonNodeFactory.instance.objectNode();
    }

    /** Checks and stores a TopicRulePayload; nothing changes when it is refused. */
    private void apply(TopicRule rule, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw IotHubErrors.invalid("TopicRulePayload must be a structure.");
        }
        String sqlBase64 = payload.path("Sql").asText("");
        if (sqlBase64.isEmpty()) {
            throw IotHubErrors.invalid("TopicRuleSqlNotEdited", "The rule has no SQL.");
        }
        String sqlText;
        try {
            sqlText = new String(Base64.getDecoder().decode(sqlBase64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IotHubErrors.invalid("InvalidSQL", "TopicRulePayload.Sql is not base64.");
        }
        RuleSql sql = RuleSql.parse(sqlText);
        List<RuleAction> actions = RuleAction.parse(payload.get("Actions"), MAPPER);
        boolean disabled = payload.path("RuleDisabled").asBoolean(false);
        if (!disabled) {
            checkRunnable(actions);
        }
        rule.sqlBase64 = sqlBase64;
        rule.sql = sql;
        rule.actions = actions;
        rule.description = payload.path("Description").asText("");
        rule.disabled = disabled;
    }

    private void checkRunnable(List<RuleAction> actions) {
        if (actions.isEmpty()) {
            throw IotHubErrors.invalid("ActionNil", "The rule has no action.");
        }
        if (actions.stream().anyMatch(RuleAction.Tdmq.class::isInstance) && !tdmqReachable.getAsBoolean()) {
            throw new ApiError("OperationDenied.GetTDMQProInternalEndpointFail", "The TDMQ instance has no "
                    + "internal endpoint; the message cannot be forwarded (no RocketMQ target is wired).");
        }
    }

    private TopicRule rule(ApiCall call) {
        TopicRule rule = state.rules.get(call.text("RuleName"));
        if (rule == null) {
            throw IotHubErrors.ruleNotExist(call.text("RuleName"));
        }
        return rule;
    }
}
