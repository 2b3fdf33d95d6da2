package io.github.cameliot.tencent.trocket;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cameliot.cloudapi.ApiResult;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientConfigurationBuilder;
import org.apache.rocketmq.client.apis.SessionCredentials;
import org.apache.rocketmq.client.apis.StaticSessionCredentialsProvider;

/**
 * Builds the RocketMQ 5.x client's configuration of a {@code topic} endpoint: its access point, TLS and the role's
 * credentials, each from the endpoint's options or, when left out, looked up with the management API.
 * <ul>
 * <li>Access point: {@code accessPoint}, or the first access point of DescribeInstance's {@code EndpointList} whose
 * {@code Type} is {@code endpointType} and whose {@code Status} is OPEN (a URL's scheme and path, if it has any,
 * dropped: the client takes host:port).</li>
 * <li>TLS: {@code ssl}, or on for a PUBLIC access point and off for VPC and INTERNAL ones.</li>
 * <li>Credentials: {@code roleAccessKey} and {@code roleSecretKey}, or the {@code AccessKey} and {@code SecretKey} of
 * the {@code role} in DescribeRoleList's {@code Data}; none for an instance without ACL.</li>
 * </ul>
 */
final class TencentTrocketClientSettings {

    static final String VPC = "VPC";
    static final String PUBLIC = "PUBLIC";
    static final String INTERNAL = "INTERNAL";
    static final long LOOKUP_TIMEOUT_SECONDS = 60;
    static final int MAX_BATCH = 32;

    private TencentTrocketClientSettings() {
    }

    /** Checks the topic options of a producer (consumer false) or a consumer, naming the option that is wrong. */
    static void validate(TencentTrocketEndpoint endpoint, boolean consumer) {
        TencentTrocketConfiguration c = endpoint.getConfiguration();
        String type = c.getEndpointType() == null ? null : c.getEndpointType().toUpperCase(Locale.ROOT);
        if (type == null || !List.of(VPC, PUBLIC, INTERNAL).contains(type)) {
            throw new IllegalArgumentException("tencent-trocket:topic: endpointType must be VPC, PUBLIC or INTERNAL, not "
                                               + c.getEndpointType());
        }
        if (blank(c.getAccessPoint()) && blank(c.getInstanceId())) {
            throw new IllegalArgumentException("tencent-trocket:topic:" + endpoint.getName() + " needs the option accessPoint "
                                               + "(host:port), or instanceId (and region and API keys) to look it up");
        }
        if (blank(c.getRoleAccessKey()) != blank(c.getRoleSecretKey())) {
            throw new IllegalArgumentException("tencent-trocket:topic: the options roleAccessKey and roleSecretKey go together; "
                                               + "one of them is missing");
        }
        if (!blank(c.getRole()) && blank(c.getRoleAccessKey()) && blank(c.getInstanceId())) {
            throw new IllegalArgumentException("tencent-trocket:topic: the option role needs instanceId (and region and API "
                                               + "keys) to look its keys up with DescribeRoleList");
        }
        if (c.getRequestTimeout() <= 0) {
            throw new IllegalArgumentException("tencent-trocket:topic: requestTimeout must be positive, not "
                                               + c.getRequestTimeout());
        }
        if (!consumer) {
            return;
        }
        if (blank(c.getConsumerGroup())) {
            throw new IllegalArgumentException("tencent-trocket:topic:" + endpoint.getName()
                                               + " needs the option consumerGroup to consume");
        }
        String filterType = c.getFilterExpressionType() == null ? null : c.getFilterExpressionType().toUpperCase(Locale.ROOT);
        if (!"TAG".equals(filterType) && !"SQL92".equals(filterType)) {
            throw new IllegalArgumentException("tencent-trocket:topic: filterExpressionType must be TAG or SQL92, not "
                                               + c.getFilterExpressionType());
        }
        if (blank(c.getFilterExpression())) {
            throw new IllegalArgumentException("tencent-trocket:topic: filterExpression must not be empty (* for all messages)");
        }
        positive("concurrentConsumers", c.getConcurrentConsumers());
        positive("maxMessagesInFlight", c.getMaxMessagesInFlight());
        if (c.getReceiveBatchSize() < 1 || c.getReceiveBatchSize() > MAX_BATCH) {
            throw new IllegalArgumentException("tencent-trocket:topic: receiveBatchSize must be 1 to " + MAX_BATCH + ", not "
                                               + c.getReceiveBatchSize());
        }
        if (c.getInvisibleDuration() < 1000) {
            throw new IllegalArgumentException("tencent-trocket:topic: invisibleDuration must be at least 1000 ms, not "
                                               + c.getInvisibleDuration());
        }
        if (c.getRetryDelay() < 0) {
            throw new IllegalArgumentException("tencent-trocket:topic: retryDelay must not be negative, not " + c.getRetryDelay());
        }
        if (c.getAwaitDuration() <= 0) {
            throw new IllegalArgumentException("tencent-trocket:topic: awaitDuration must be positive, not "
                                               + c.getAwaitDuration());
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("tencent-trocket:topic: " + option + " must be at least 1, not " + value);
        }
    }

    /** The client configuration, after the lookups it needs (blocking, at start). */
    static ClientConfiguration clientConfiguration(TencentTrocketEndpoint endpoint) {
        TencentTrocketConfiguration c = endpoint.getConfiguration();
        String type = c.getEndpointType().toUpperCase(Locale.ROOT);
        String accessPoint = blank(c.getAccessPoint()) ? lookUpAccessPoint(endpoint, type) : c.getAccessPoint().trim();
        boolean ssl = c.getSsl() != null ? c.getSsl() : PUBLIC.equals(type);
        ClientConfigurationBuilder builder = ClientConfiguration.newBuilder()
                .setEndpoints(accessPoint)
                .enableSsl(ssl)
                .setRequestTimeout(Duration.ofMillis(c.getRequestTimeout()));
        SessionCredentials credentials = credentials(endpoint);
        if (credentials != null) {
            builder.setCredentialProvider(new StaticSessionCredentialsProvider(credentials.getAccessKey(),
                    credentials.getAccessSecret()));
        }
        return builder.build();
    }

    /** Where the client connects, for logs: the option or the looked-up address, never credentials. */
    static String describe(ClientConfiguration configuration) {
        return configuration.getEndpoints() + (configuration.isSslEnabled() ? " (TLS)" : "");
    }

    static SessionCredentials credentials(TencentTrocketEndpoint endpoint) {
        TencentTrocketConfiguration c = endpoint.getConfiguration();
        if (!blank(c.getRoleAccessKey())) {
            return new SessionCredentials(c.getRoleAccessKey(), c.getRoleSecretKey());
        }
        if (blank(c.getRole())) {
            return null;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("InstanceId", c.getInstanceId());
        params.put("Offset", 0);
        params.put("Limit", 100);
        params.put("Filters", List.of(Map.of("Name", "RoleName", "Values", List.of(c.getRole()))));
        ApiResult result = call(endpoint, "DescribeRoleList", params);
        for (Map<?, ?> item : items(result.fields().get("Data"))) {
            if (c.getRole().equals(item.get("RoleName"))) {
                Object accessKey = item.get("AccessKey");
                Object secretKey = item.get("SecretKey");
                if (accessKey == null || secretKey == null) {
                    throw new IllegalStateException("tencent-trocket:topic: DescribeRoleList gave role " + c.getRole()
                                                    + " of instance " + c.getInstanceId() + " without AccessKey/SecretKey");
                }
                return new SessionCredentials(accessKey.toString(), secretKey.toString());
            }
        }
        throw new IllegalArgumentException("tencent-trocket:topic: the option role: instance " + c.getInstanceId()
                                           + " has no role named " + c.getRole() + " (DescribeRoleList, request id "
                                           + result.requestId() + ")");
    }

    static String lookUpAccessPoint(TencentTrocketEndpoint endpoint, String type) {
        TencentTrocketConfiguration c = endpoint.getConfiguration();
        ApiResult result = call(endpoint, "DescribeInstance", Map.of("InstanceId", c.getInstanceId()));
        List<Map<?, ?>> endpoints = items(result.fields().get("EndpointList"));
        StringBuilder seen = new StringBuilder();
        for (Map<?, ?> item : endpoints) {
            Object itemType = item.get("Type");
            Object status = item.get("Status");
            Object url = item.get("EndpointUrl");
            seen.append(seen.length() == 0 ? "" : ", ").append(itemType).append('/').append(status);
            if (type.equalsIgnoreCase(String.valueOf(itemType)) && "OPEN".equalsIgnoreCase(String.valueOf(status))
                && url != null && !url.toString().isBlank()) {
                return hostPort(url.toString());
            }
        }
        throw new IllegalArgumentException("tencent-trocket:topic: the option endpointType: instance " + c.getInstanceId()
                                           + " has no OPEN " + type + " access point (DescribeInstance lists "
                                           + (seen.length() == 0 ? "none" : seen) + "); set endpointType or accessPoint");
    }

    /** host:port of an access point written as a URL (http://host:port/...) or as host:port already. */
    static String hostPort(String url) {
        String s = url.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        return slash >= 0 ? s.substring(0, slash) : s;
    }

    private static ApiResult call(TencentTrocketEndpoint endpoint, String action, Map<String, Object> params) {
        try {
            return endpoint.getClient().call(endpoint.getCatalog().spec(action), params)
                    .get(LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("tencent-trocket:topic: " + action + " failed", cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("tencent-trocket:topic: " + action + " did not answer within "
                                            + LOOKUP_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tencent-trocket:topic: interrupted while calling " + action, e);
        }
    }

    private static List<Map<?, ?>> items(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>> map(m -> (Map<?, ?>) m).toList();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
