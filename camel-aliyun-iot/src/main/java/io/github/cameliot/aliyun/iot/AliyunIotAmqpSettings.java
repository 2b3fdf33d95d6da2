package io.github.cameliot.aliyun.iot;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AMQP subscription's options checked and turned into what Qpid JMS connects with: the broker URI with Qpid's
 * options, and one client id per connection.
 */
final class AliyunIotAmqpSettings {

    static final long MIN_IDLE_TIMEOUT = 30_000;
    static final long MAX_IDLE_TIMEOUT = 300_000;
    private static final AtomicLong DEFAULT_CLIENT_IDS = new AtomicLong();

    private AliyunIotAmqpSettings() {
    }

    static void validate(AliyunIotConfiguration configuration, String consumerGroupId) {
        long idleTimeout = configuration.getIdleTimeout();
        if (idleTimeout < MIN_IDLE_TIMEOUT || idleTimeout > MAX_IDLE_TIMEOUT) {
            throw new IllegalArgumentException("idleTimeout must be between 30000 and 300000 ms (30 s to 300 s), as "
                                               + "Alibaba Cloud IoT Platform requires for AMQP, not " + idleTimeout);
        }
        if (consumerGroupId == null || consumerGroupId.isBlank()) {
            throw new IllegalArgumentException("The amqp consumer needs a consumer group: aliyun-iot:amqp:GROUP_ID");
        }
        positive("connectionCount", configuration.getConnectionCount());
        positive("prefetch", configuration.getPrefetch());
        positive("reconnectInitialDelay", configuration.getReconnectInitialDelay());
        if (configuration.getReconnectMaxDelay() < configuration.getReconnectInitialDelay()) {
            throw new IllegalArgumentException("reconnectMaxDelay (" + configuration.getReconnectMaxDelay()
                                               + ") must not be less than reconnectInitialDelay ("
                                               + configuration.getReconnectInitialDelay() + ")");
        }
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
    }

    /**
     * The endpoint without Qpid's options: amqpEndpoint, else
     * {@code amqps://ACCOUNT.iot-amqp.REGION.aliyuncs.com:5671}.
     */
    static URI endpointUri(AliyunIotConfiguration configuration) {
        String endpoint = configuration.getAmqpEndpoint();
        if (endpoint == null || endpoint.isBlank()) {
            if (blank(configuration.getRegionId()) || blank(configuration.getAccountId())) {
                throw new IllegalArgumentException("The amqp consumer needs regionId and accountId (the Alibaba Cloud "
                                                   + "account ID) to connect to ACCOUNT.iot-amqp.REGION.aliyuncs.com, or "
                                                   + "amqpEndpoint");
            }
            endpoint = "amqps://" + configuration.getAccountId().trim() + ".iot-amqp."
                       + configuration.getRegionId().trim() + ".aliyuncs.com:5671";
        }
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("amqpEndpoint is not a URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("amqpEndpoint must be an amqps://HOST:PORT or amqp://HOST:PORT URI, not "
                                               + uri.getScheme() + "://" + uri.getRawAuthority());
        }
        return uri;
    }

    /**
     * What Qpid connects to: the endpoint with the idle timeout, the SASL mechanism, the prefetch and timeouts that
     * keep an attempt within the server's 15 s; options in amqpEndpoint's own query come last, and win.
     */
    static URI connectionUri(AliyunIotConfiguration configuration) {
        URI uri = endpointUri(configuration);
        String options = "amqp.idleTimeout=" + configuration.getIdleTimeout()
                         + "&amqp.saslMechanisms=PLAIN"
                         + "&jms.prefetchPolicy.all=" + configuration.getPrefetch()
                         + "&jms.connectTimeout=" + AliyunIotAmqpConsumer.RECEIVER_DEADLINE_MILLIS
                         + "&jms.requestTimeout=" + AliyunIotAmqpConsumer.RECEIVER_DEADLINE_MILLIS
                         + "&jms.closeTimeout=" + AliyunIotAmqpConsumer.RECEIVER_DEADLINE_MILLIS;
        String query = uri.getRawQuery();
        return URI.create(uri.getScheme().toLowerCase() + "://" + uri.getRawAuthority()
                          + (uri.getRawPath() == null ? "" : uri.getRawPath())
                          + "?" + options + (query == null || query.isEmpty() ? "" : "&" + query));
    }

    /** One id per connection: the configured one (with -INDEX when there are several), else HOST-PID-N. */
    static List<String> clientIds(String configured, int count) {
        List<String> ids = new ArrayList<>(count);
        if (!blank(configured)) {
            for (int i = 0; i < count; i++) {
                ids.add(count == 1 ? configured.trim() : configured.trim() + "-" + i);
            }
            return ids;
        }
        String prefix = hostName() + "-" + ProcessHandle.current().pid() + "-";
        for (int i = 0; i < count; i++) {
            ids.add(prefix + DEFAULT_CLIENT_IDS.incrementAndGet());
        }
        return ids;
    }

    private static String hostName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "camel";
        }
        String clean = host.replaceAll("[^A-Za-z0-9_-]", "-");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
