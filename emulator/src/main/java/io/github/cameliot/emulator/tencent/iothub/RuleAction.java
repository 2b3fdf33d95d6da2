package io.github.cameliot.emulator.tencent.iothub;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One target of a topic rule, as {@code TopicRulePayload.Actions} names it: a JSON string holding an array of
 * single-key objects, such as {@code [{"forward": {"api": "http://...", "token": "..."}}]}.
 */
sealed interface RuleAction {

    /** Posts the selected message to a URL, signed with the token ({@code forward}). */
    record Forward(String api, String token) implements RuleAction {
    }

    /** Publishes the selected message to another device topic ({@code republish}). */
    record Republish(String topic) implements RuleAction {
    }

    /**
     * Puts the selected message on a TDMQ RocketMQ topic ({@code tdmq}). The document names TDMQ as a target (in the
     * error {@code OperationDenied.GetTDMQProInternalEndpointFail}) but not its shape; the emulator reads it like
     * the documented {@code ckafka} target:
     * {@code {"tdmq": {"instance": {"id": "rmq-..."}, "topic": {"name": "..."}, "tag": "...", "region": "gz"}}}.
     */
    record Tdmq(String instanceId, String topic, String tag) implements RuleAction {
    }

    /** A documented target the emulator accepts but does not carry out ({@code ckafka}, {@code cmqueue}, {@code mysql}). */
    record NotEmulated(String kind) implements RuleAction {
    }

    /**
     * Reads the Actions of a rule. Text that is not a JSON array (the document's own ReplaceTopicRule example passes
     * {@code "xx"}) is read as no actions: such a rule cannot be enabled ({@code ActionNil}).
     */
    static List<RuleAction> parse(JsonNode actions, ObjectMapper mapper) {
        JsonNode array = actions;
        if (actions != null && actions.isTextual()) {
            try {
                array = mapper.readTree(actions.asText());
            } catch (Exception e) {
                array = null;
            }
        }
        List<RuleAction> parsed = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return parsed;
        }
        for (JsonNode entry : array) {
            entry.fields().forEachRemaining(field -> parsed.add(one(field.getKey(), field.getValue())));
        }
        return parsed;
    }

    private static RuleAction one(String kind, JsonNode spec) {
        switch (kind) {
            case "forward": {
                String api = spec.path("api").asText("");
                if (!api.startsWith("http://") && !api.startsWith("https://")) {
                    throw IotHubErrors.invalid("CheckForwardURLFail", "The forward URL '" + api + "' is not an "
                            + "http(s) URL.");
                }
                return new Forward(api, spec.path("token").asText(""));
            }
            case "republish": {
                String topic = spec.path("topic").asText("");
                if (topic.split("/", -1).length < 3 || topic.contains("+") || topic.contains("#")) {
                    throw IotHubErrors.invalid("RepublishTopicFormatError", "The republish topic '" + topic
                            + "' is not ProductId/DeviceName/name.");
                }
                return new Republish(topic);
            }
            case "tdmq": {
                String instance = spec.path("instance").path("id").asText("");
                JsonNode topic = spec.path("topic");
                String topicName = topic.isTextual() ? topic.asText() : topic.path("name").asText(topic.path("id").asText(""));
                if (instance.isEmpty() || topicName.isEmpty()) {
                    throw IotHubErrors.invalid("ParamIncomplete", "A tdmq action needs instance.id and topic.name.");
                }
                return new Tdmq(instance, topicName, spec.path("tag").asText(""));
            }
            default:
                return new NotEmulated(kind);
        }
    }
}
