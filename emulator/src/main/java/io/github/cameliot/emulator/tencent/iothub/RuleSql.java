package io.github.cameliot.emulator.tencent.iothub;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiError;

/**
 * The part of the rule engine's SQL the emulator runs: {@code SELECT <items> FROM '<topic filter>' [WHERE <conditions>]}.
 * Items are {@code *}, field paths ({@code a.b}), and the functions {@code topic()}, {@code productid()},
 * {@code devicename()} and {@code timestamp()}, each optionally {@code AS alias}. Conditions compare one item with a
 * literal (a number, a {@code 'string'}, {@code true} or {@code false}) using {@code = != <> > >= < <=}, joined by
 * {@code AND}. Anything else is refused as the cloud refuses bad SQL, with {@code InvalidParameterValue.InvalidSQL}.
 */
final class RuleSql {

    private static final Pattern STATEMENT = Pattern.compile(
            "\\s*SELECT\\s+(.+?)\\s+FROM\\s+'([^']+)'(?:\\s+WHERE\\s+(.+?))?\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile(
            "(\\*|[A-Za-z_][\\w]*\\(\\)|[A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*)(?:\\s+AS\\s+([A-Za-z_]\\w*))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONDITION = Pattern.compile(
            "([A-Za-z_][\\w]*\\(\\)|[A-Za-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)*)\\s*(=|!=|<>|>=|<=|>|<)\\s*"
            + "('(?:[^']*)'|-?\\d+(?:\\.\\d+)?|true|false)", Pattern.CASE_INSENSITIVE);
    private static final List<String> FUNCTIONS = List.of("topic()", "productid()", "devicename()", "timestamp()");

    private final String text;
    private final List<Item> items;
    private final TopicFilter from;
    private final List<Condition> where;

    private RuleSql(String text, List<Item> items, TopicFilter from, List<Condition> where) {
        this.text = text;
        this.items = items;
        this.from = from;
        this.where = where;
    }

    /** Parses the statement, refusing what the emulator cannot run with the cloud's InvalidSQL. */
    static RuleSql parse(String sql) {
        Matcher statement = STATEMENT.matcher(sql);
        if (!statement.matches()) {
            throw invalid("not SELECT ... FROM '<topic>' [WHERE ...]");
        }
        List<Item> items = new ArrayList<>();
        for (String part : statement.group(1).split(",")) {
            Matcher item = ITEM.matcher(part.trim());
            if (!item.matches() || item.group(1).endsWith("()") && !isFunction(item.group(1))) {
                throw invalid("the item '" + part.trim() + "' is not *, a field or a known function");
            }
            items.add(new Item(item.group(1), item.group(2)));
        }
        TopicFilter from;
        try {
            from = new TopicFilter(statement.group(2));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        List<Condition> where = new ArrayList<>();
        if (statement.group(3) != null) {
            for (String part : statement.group(3).split("(?i)\\s+AND\\s+")) {
                Matcher condition = CONDITION.matcher(part.trim());
                if (!condition.matches() || condition.group(1).endsWith("()") && !isFunction(condition.group(1))) {
                    throw invalid("the condition '" + part.trim() + "' is not <field> <op> <literal>");
                }
                where.add(new Condition(condition.group(1), condition.group(2), literal(condition.group(3))));
            }
        }
        return new RuleSql(sql, items, from, where);
    }

    String text() {
        return text;
    }

    TopicFilter from() {
        return from;
    }

    /** The selected message, or null when the topic does not match or the WHERE clause is not met. */
    ObjectNode select(String topic, ObjectNode message, long nowMillis) {
        if (!from.matches(topic)) {
            return null;
        }
        Context context = new Context(topic, message, nowMillis);
        for (Condition condition : where) {
            if (!condition.holds(context)) {
                return null;
            }
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        for (Item item : items) {
            if (item.expression.equals("*")) {
                output.setAll(message.deepCopy());
            } else {
                JsonNode value = context.value(item.expression);
                if (value != null) {
                    output.set(item.name(), value.deepCopy());
                }
            }
        }
        return output;
    }

    private static boolean isFunction(String expression) {
        return FUNCTIONS.contains(expression.toLowerCase(Locale.ROOT));
    }

    private static JsonNode literal(String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (text.startsWith("'")) {
            return json.textNode(text.substring(1, text.length() - 1));
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return json.booleanNode(Boolean.parseBoolean(text.toLowerCase(Locale.ROOT)));
        }
        return json.numberNode(new BigDecimal(text));
    }

    private static ApiError invalid(String reason) {
        return IotHubErrors.invalid("InvalidSQL", "The rule SQL is invalid: " + reason + ".");
    }

    /** One selected item and the field it becomes. */
    private record Item(String expression, String alias) {

        String name() {
            if (alias != null) {
                return alias;
            }
            if (expression.endsWith("()")) {
                return expression.substring(0, expression.length() - 2);
            }
            return expression.substring(expression.lastIndexOf('.') + 1);
        }
    }

    /** The message and its context, as the functions and field paths read them. */
    private record Context(String topic, ObjectNode message, long nowMillis) {

        JsonNode value(String expression) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            String[] levels = topic.split("/", 3);
            switch (expression.toLowerCase(Locale.ROOT)) {
                case "topic()":
                    return json.textNode(topic);
                case "productid()":
                    return json.textNode(levels[0]);
                case "devicename()":
                    return json.textNode(levels.length > 1 ? levels[1] : "");
                case "timestamp()":
                    return json.numberNode(nowMillis);
                default:
                    JsonNode node = message;
                    for (String field : expression.split("\\.")) {
                        node = node.get(field);
                        if (node == null) {
                            return null;
                        }
                    }
                    return node;
            }
        }
    }

    private record Condition(String operand, String operator, JsonNode literal) {

        boolean holds(Context context) {
            JsonNode value = context.value(operand);
            if (value == null || value.isNull()) {
                return false;
            }
            int comparison;
            if (literal.isNumber() && value.isNumber()) {
                comparison = value.decimalValue().compareTo(literal.decimalValue());
            } else if (literal.isNumber() && value.isTextual()) {
                try {
                    comparison = new BigDecimal(value.asText()).compareTo(literal.decimalValue());
                } catch (NumberFormatException e) {
                    return operator.equals("!=") || operator.equals("<>");
                }
            } else {
                comparison = value.asText().compareTo(literal.asText());
            }
            return switch (operator) {
                case "=" -> comparison == 0;
                case "!=", "<>" -> comparison != 0;
                case ">" -> comparison > 0;
                case ">=" -> comparison >= 0;
                case "<" -> comparison < 0;
                default -> comparison <= 0;
            };
        }
    }
}
