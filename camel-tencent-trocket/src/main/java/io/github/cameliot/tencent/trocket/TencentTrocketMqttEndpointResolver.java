package io.github.cameliot.tencent.trocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the broker address and the login of an MQTT endpoint: from its options when they give them, otherwise through
 * the management API, synchronously: the instance's endpoints ({@code DescribeMQTTInsVPCEndpoints} or
 * {@code DescribeMQTTInsPublicEndpoints}) and its users ({@code DescribeMQTTUserList}, which answers passwords in
 * plain text).
 */
final class TencentTrocketMqttEndpointResolver {

    static final String DESCRIBE_VPC_ENDPOINTS = "DescribeMQTTInsVPCEndpoints";
    static final String DESCRIBE_PUBLIC_ENDPOINTS = "DescribeMQTTInsPublicEndpoints";
    static final String DESCRIBE_USERS = "DescribeMQTTUserList";

    private static final Logger LOG = LoggerFactory.getLogger(TencentTrocketMqttEndpointResolver.class);
    /** The endpoint types of the API, by transport, and the Paho URI scheme of each. */
    private static final Map<String, String> SCHEMES = Map.of("tcp", "tcp", "tls", "ssl", "ws", "ws", "wss", "wss");
    private static final int USER_PAGE = 100;

    /**
     * Where to connect and as whom. Its {@code toString()} leaves the password out.
     *
     * @param brokerUrl the Paho server URI, such as tcp://host:1883
     * @param username  the MQTT user, or null for none
     * @param password  the user's password, or null
     */
    record MqttLogin(String brokerUrl, String username, String password) {
        @Override
        public String toString() {
            return "MqttLogin[brokerUrl=" + brokerUrl + ", username=" + username + ", password="
                   + (password == null ? "none" : "******") + "]";
        }
    }

    private final TencentTrocketEndpoint endpoint;

    TencentTrocketMqttEndpointResolver(TencentTrocketEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The address and login, looked up where the options leave them out.
     *
     * @param subscribe true for a consumer (the user found must be allowed to subscribe), false for a producer (to
     *                  publish)
     */
    MqttLogin resolve(boolean subscribe) throws Exception {
        TencentTrocketConfiguration configuration = endpoint.getConfiguration();
        String brokerUrl = configuration.getMqttBrokerUrl() != null ? configuration.getMqttBrokerUrl() : lookUpBrokerUrl();
        String username = configuration.getMqttUsername();
        String password = configuration.getMqttPassword();
        if (password == null && configuration.getInstanceId() != null) {
            Map<String, Object> user = lookUpUser(username, subscribe);
            username = string(user.get("Username"));
            password = string(user.get("Password"));
        } else if (password != null && username == null) {
            throw new IllegalArgumentException("tencent-trocket:mqtt has mqttPassword but no mqttUsername");
        }
        MqttLogin login = new MqttLogin(brokerUrl, username, password);
        LOG.debug("tencent-trocket:mqtt:{} connects to {} as {}", endpoint.getName(), brokerUrl, username);
        return login;
    }

    private String lookUpBrokerUrl() throws Exception {
        TencentTrocketConfiguration configuration = endpoint.getConfiguration();
        String instanceId = instanceId();
        boolean vpc = !"public".equalsIgnoreCase(configuration.getMqttEndpointType());
        String action = vpc ? DESCRIBE_VPC_ENDPOINTS : DESCRIBE_PUBLIC_ENDPOINTS;
        ApiResult result = call(action, Map.of(TencentTrocketRequests.INSTANCE_ID, instanceId));
        Object status = result.fields().get("Status");
        List<Map<String, Object>> endpoints = maps(result.fields().get("Endpoints"));
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("The MQTT instance " + instanceId + " has no " + (vpc ? "VPC" : "public")
                                            + " endpoint" + (status != null ? " (public access status " + status + ")" : "")
                                            + (vpc ? "; set mqttEndpointType=public for its public endpoint"
                                                    : "; create one with CreateMQTTInsPublicEndpoint, or set "
                                                      + "mqttEndpointType=vpc")
                                            + (", or set mqttBrokerUrl. RequestId: " + result.requestId()));
        }
        if (status != null && !"NORMAL".equals(status)) {
            LOG.warn("The public endpoint of the MQTT instance {} is in status {}, not NORMAL", instanceId, status);
        }
        Map<String, Object> chosen = choose(endpoints, configuration.getMqttTransport(), instanceId);
        return brokerUrl(chosen);
    }

    /** The endpoint of the transport asked for, else the TLS one, else the TCP one. */
    private static Map<String, Object> choose(List<Map<String, Object>> endpoints, String transport, String instanceId) {
        List<String> wanted = transport != null ? List.of(transport.toLowerCase(Locale.ROOT)) : List.of("tls", "tcp");
        for (String candidate : wanted) {
            if (!SCHEMES.containsKey(candidate)) {
                throw new IllegalArgumentException("mqttTransport must be one of tcp, tls, ws or wss, not " + candidate);
            }
            for (Map<String, Object> item : endpoints) {
                if (("mqtt-" + candidate).equalsIgnoreCase(string(item.get("Type")))) {
                    return item;
                }
            }
        }
        List<String> types = endpoints.stream().map(item -> string(item.get("Type"))).toList();
        throw new IllegalStateException("The MQTT instance " + instanceId + " has no endpoint of type mqtt-"
                                        + String.join(" or mqtt-", wanted) + ", only " + types
                                        + "; choose one with mqttTransport");
    }

    /** scheme://host:port, from Host and Port, else from Url (host:port). */
    static String brokerUrl(Map<String, Object> item) {
        String type = string(item.get("Type"));
        String scheme = SCHEMES.get(type.toLowerCase(Locale.ROOT).substring("mqtt-".length()));
        String host = string(item.get("Host"));
        Object port = item.get("Port");
        String address;
        if (host != null && !host.isBlank() && port != null) {
            address = host + ":" + port;
        } else {
            address = string(item.get("Url"));
            if (address == null || address.isBlank()) {
                throw new IllegalStateException("The MQTT endpoint of type " + type + " has neither Host and Port nor Url");
            }
            int schemeEnd = address.indexOf("://");
            if (schemeEnd >= 0) {
                address = address.substring(schemeEnd + 3);
            }
        }
        return scheme + "://" + address;
    }

    /** The user named, or the first allowed to subscribe or to publish; its password included. */
    private Map<String, Object> lookUpUser(String username, boolean subscribe) throws Exception {
        String instanceId = instanceId();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TencentTrocketRequests.INSTANCE_ID, instanceId);
        if (username != null) {
            // a fuzzy match: the exact one is picked below
            parameters.put("Filters", List.of(Map.of("Name", "Username", "Values", List.of(username))));
        }
        parameters.put("Offset", 0);
        parameters.put("Limit", USER_PAGE);
        ApiResult result = call(DESCRIBE_USERS, parameters);
        String permission = subscribe ? "PermRead" : "PermWrite";
        List<Map<String, Object>> users = maps(result.fields().get("Data"));
        for (Map<String, Object> user : users) {
            if (username != null && !username.equals(user.get("Username"))) {
                continue;
            }
            if (!Boolean.TRUE.equals(user.get(permission))) {
                if (username != null) {
                    throw new IllegalStateException("The MQTT user " + username + " of instance " + instanceId
                                                    + " may not " + (subscribe ? "subscribe" : "publish") + " ("
                                                    + permission + " is false); change it with ModifyMQTTUser");
                }
                continue;
            }
            if (user.get("Password") == null) {
                throw new IllegalStateException("DescribeMQTTUserList answered no password for the MQTT user "
                                                + user.get("Username") + " of instance " + instanceId + "; set mqttPassword");
            }
            return user;
        }
        throw new IllegalStateException("The MQTT instance " + instanceId + " has no user "
                                        + (username != null ? "named " + username : "with " + permission)
                                        + "; create one with CreateMQTTUser, or set mqttUsername and mqttPassword. RequestId: "
                                        + result.requestId());
    }

    private String instanceId() {
        String instanceId = endpoint.getConfiguration().getInstanceId();
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("tencent-trocket:mqtt needs instanceId (an mqtt-... instance) to look up its "
                                               + "endpoint and user, or mqttBrokerUrl");
        }
        return instanceId;
    }

    private ApiResult call(String action, Map<String, Object> parameters) throws Exception {
        return Futures.await(endpoint.getClient().call(endpoint.getCatalog().spec(action), parameters));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    maps.add((Map<String, Object>) map);
                }
            }
        }
        return maps;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
