package io.github.cameliot.aliyun.iot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.Json;
import io.github.cameliot.cloudapi.camel.MessageBodies;
import org.apache.camel.Message;

import static io.github.cameliot.aliyun.iot.AliyunIotActions.INVOKE_THINGS_SERVICE;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.INVOKE_THING_SERVICE;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.PUB;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.PUB_BROADCAST;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.RRPC;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.SET_DEVICES_PROPERTY;
import static io.github.cameliot.aliyun.iot.AliyunIotActions.SET_DEVICE_PROPERTY;

/**
 * Turns a message into the parameters of an action: the body's parameters first, then headers and endpoint options
 * for what the body leaves out.
 * <ul>
 * <li>Messaging: Pub and PubBroadcast send the body as the message ({@code MessageContent}, base64-encoded here), RRpc
 * as the request ({@code RequestBase64Byte}); text is sent as its UTF-8 bytes.</li>
 * <li>SetDeviceProperty, SetDevicesProperty and InvokeThingService take a Map or JSON body as their items
 * ({@code Items}, or {@code Args}), unless the body holds that parameter itself; the service to invoke then comes
 * from the {@code CamelAliyunIotServiceIdentifier} header.</li>
 * <li>Lists may be given as lists, under the wire name ({@code DeviceName}) or the documentation's plural
 * ({@code DeviceNames}), as comma-separated text, or already flattened ({@code DeviceName.1}).</li>
 * <li>Parameters the API types as JSON strings ({@code Items}, {@code Args}, {@code Configuration},
 * {@code ShadowMessage}, ...) may be given as maps or lists.</li>
 * </ul>
 */
final class AliyunIotRequests {

    static final String MESSAGE_CONTENT = "MessageContent";
    static final String REQUEST_BASE64_BYTE = "RequestBase64Byte";
    static final String IOT_ID = "IotId";
    static final String PRODUCT_KEY = "ProductKey";
    static final String DEVICE_NAME = "DeviceName";
    static final String IOT_INSTANCE_ID = "IotInstanceId";

    /** The parameters the API types as strings that hold JSON. */
    private static final Set<String> JSON_STRINGS = Set.of("Items", "Args", "Props", "Configuration", "ShadowMessage",
            "DeviceListStr", "TagString", "Versions");
    private static final Pattern FLATTENED = Pattern.compile("([A-Za-z]+)\\.(\\d+)(?:\\.(.+))?");

    private AliyunIotRequests() {
    }

    static Map<String, Object> parameters(Message message, ActionSpec spec, AliyunIotConfiguration configuration) {
        String action = spec.name();
        Map<String, Object> parameters = switch (action) {
            case PUB, PUB_BROADCAST -> payload(message, action, MESSAGE_CONTENT);
            case RRPC -> payload(message, action, REQUEST_BASE64_BYTE);
            case SET_DEVICE_PROPERTY, SET_DEVICES_PROPERTY -> items(message, action, "Items");
            case INVOKE_THING_SERVICE -> items(message, action, "Args");
            default -> MessageBodies.parameters(message.getBody(), action);
        };
        normalizeLists(parameters, action);

        String productKey = message.getHeader(AliyunIotConstants.PRODUCT_KEY, configuration.getProductKey(), String.class);
        Object deviceName = message.getHeader(AliyunIotConstants.DEVICE_NAME, configuration.getDeviceName(), Object.class);
        boolean identifiedById = AliyunIotActions.selectsDevice(action) && parameters.get(IOT_ID) != null;
        // devices named by DeviceName need their ProductKey, optional as it is where IotId can name them instead
        boolean namedByDeviceName = parameters.get(DEVICE_NAME) != null && spec.optionalParameters().contains(PRODUCT_KEY);
        if (!identifiedById && (spec.requiredParameters().contains(PRODUCT_KEY) || AliyunIotActions.selectsDevice(action)
                                || namedByDeviceName)) {
            fill(parameters, PRODUCT_KEY, productKey);
        }
        if (!identifiedById && (spec.requiredParameters().contains(DEVICE_NAME) || AliyunIotActions.selectsDevice(action))) {
            fill(parameters, DEVICE_NAME, AliyunIotActions.isListParameter(action, DEVICE_NAME) ? list(deviceName) : deviceName);
        }
        if (PUB.equals(action) || PUB_BROADCAST.equals(action)) {
            fill(parameters, "TopicFullName",
                    message.getHeader(AliyunIotConstants.TOPIC_FULL_NAME, configuration.getTopic(), String.class));
        }
        if (PUB.equals(action)) {
            fill(parameters, "Qos", message.getHeader(AliyunIotConstants.QOS, configuration.getQos(), Integer.class));
        }
        if (RRPC.equals(action)) {
            fill(parameters, "Timeout", configuration.getRrpcTimeout());
        }
        if (INVOKE_THING_SERVICE.equals(action) || INVOKE_THINGS_SERVICE.equals(action)) {
            fill(parameters, "Identifier", message.getHeader(AliyunIotConstants.SERVICE_IDENTIFIER, String.class));
        }
        fill(parameters, IOT_INSTANCE_ID, configuration.getIotInstanceId());
        if (spec.isPaged()) {
            spec.paging().firstPage(parameters);
        }
        for (String name : JSON_STRINGS) {
            Object value = parameters.get(name);
            if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof JsonNode) {
                parameters.put(name, Json.writeString(value));
            }
        }
        return parameters;
    }

    /**
     * Fails, before anything is sent, when a required parameter is missing, or the action needs a device and neither
     * {@code IotId} nor {@code ProductKey} with {@code DeviceName} identifies one.
     */
    static void check(ActionSpec spec, Map<String, Object> parameters) {
        spec.checkRequired(parameters);
        if (AliyunIotActions.selectsDevice(spec.name()) && absent(parameters.get(IOT_ID))
            && (absent(parameters.get(PRODUCT_KEY)) || absent(parameters.get(DEVICE_NAME)))) {
            throw new IllegalArgumentException(spec.name() + ": identify the device with IotId, or with ProductKey and "
                                               + "DeviceName (missing " + (absent(parameters.get(PRODUCT_KEY)) ? PRODUCT_KEY
                                                       : DEVICE_NAME) + ")");
        }
    }

    private static Map<String, Object> payload(Message message, String action, String parameter) {
        Object body = message.getBody();
        if (body instanceof Map<?, ?> || body instanceof JsonNode) {
            Map<String, Object> parameters = MessageBodies.parameters(body, action);
            if (parameters.get(parameter) instanceof byte[] bytes) {
                parameters.put(parameter, Base64.getEncoder().encodeToString(bytes));
            }
            return parameters;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (body != null) {
            byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : MessageBodies.payloadBytes(message, action);
            parameters.put(parameter, Base64.getEncoder().encodeToString(bytes));
        }
        return parameters;
    }

    /** A Map or JSON body is the items, unless it holds the items parameter (then it is the parameters). */
    private static Map<String, Object> items(Message message, String action, String parameter) {
        Object body = message.getBody();
        Map<String, Object> map = MessageBodies.parameters(body, action);
        if (body == null || map.containsKey(parameter)) {
            return map;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(parameter, map);
        return parameters;
    }

    /**
     * Brings every list to its wire base name as a {@link List}: plural names renamed, flattened {@code Name.N} and
     * {@code Name.N.Field} keys gathered, and a list parameter given as text split at commas.
     */
    private static void normalizeLists(Map<String, Object> parameters, String action) {
        Map<String, TreeMap<Integer, Object>> flattened = new LinkedHashMap<>();
        for (String name : List.copyOf(parameters.keySet())) {
            Matcher indexed = FLATTENED.matcher(name);
            if (indexed.matches()) {
                Object value = parameters.remove(name);
                TreeMap<Integer, Object> items = flattened.computeIfAbsent(indexed.group(1), n -> new TreeMap<>());
                int index = Integer.parseInt(indexed.group(2));
                if (indexed.group(3) == null) {
                    items.put(index, value);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) items.computeIfAbsent(index, i -> new LinkedHashMap<>());
                    fields.put(indexed.group(3), value);
                }
            } else if (AliyunIotActions.LIST_ALIASES.containsKey(name) && !parameters.containsKey(AliyunIotActions.LIST_ALIASES.get(name))) {
                parameters.put(AliyunIotActions.LIST_ALIASES.get(name), parameters.remove(name));
            }
        }
        flattened.forEach((name, items) -> parameters.putIfAbsent(name, new ArrayList<>(items.values())));
        parameters.replaceAll((name, value) -> AliyunIotActions.isListParameter(action, name) ? list(value) : value);
    }

    private static Object list(Object value) {
        if (value instanceof String text) {
            List<String> items = new ArrayList<>();
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            return items;
        }
        return value;
    }

    private static void fill(Map<String, Object> parameters, String name, Object value) {
        if (value != null && !"".equals(value) && parameters.get(name) == null) {
            parameters.put(name, value);
        }
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof CharSequence text && text.toString().isBlank();
    }
}
