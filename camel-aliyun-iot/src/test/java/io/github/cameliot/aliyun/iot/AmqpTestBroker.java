package io.github.cameliot.aliyun.iot;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * An embedded ActiveMQ Artemis with an AMQP acceptor on 127.0.0.1, standing in for the IoT Platform's AMQP
 * endpoint: one durable anycast queue {@code default}, persistent in a directory (so messages survive a restart),
 * and a security manager that signs users in as IoT Platform does, checking the username's format and recomputing
 * the HMAC-SHA1 password from the secret of the username's authId, on its own (plain javax.crypto). It records every
 * login attempt.
 */
final class AmqpTestBroker {

    static final String QUEUE = "default";

    /** One login attempt, as the broker saw it. */
    record Login(String clientId, String accessKeyId, String iotInstanceId, String consumerGroupId, long timestamp,
            String password, boolean accepted, String reason) {
    }

    private static final Pattern USERNAME = Pattern.compile("([^|,=\\s]+)\\|authMode=aksign,signMethod=hmacsha1,"
                                                            + "timestamp=(\\d+),authId=([^|,=\\s]+),"
                                                            + "iotInstanceId=([^|,=\\s]*),consumerGroupId=([^|,=\\s]+)\\|");
    /** IoT Platform refuses timestamps far from its clock. */
    private static final long MAX_CLOCK_SKEW = 15 * 60 * 1000;

    private final int port;
    private final Path directory;
    private final Map<String, String> secrets;
    /** Each login once, by username and password: Artemis checks a connection's login more than once. */
    private final Map<String, Login> logins = Collections.synchronizedMap(new LinkedHashMap<>());
    private ActiveMQServer server;

    AmqpTestBroker(int port, Path directory, Map<String, String> secrets) {
        this.port = port;
        this.directory = directory;
        this.secrets = Map.copyOf(secrets);
    }

    String url() {
        return "amqp://127.0.0.1:" + port;
    }

    synchronized void start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("aliyun-iot-amqp-test")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large").toString())
                .setNodeManagerLockDirectory(directory.resolve("lock").toString())
                // written to the journal on every send, without waiting for the disk: enough for a restart in-process
                .setJournalSyncNonTransactional(false)
                .setJournalSyncTransactional(false)
                .setJournalFileSize(1024 * 1024)
                .setJournalMinFiles(2)
                .setSecurityEnabled(true)
                // every connection attempt reaches the security manager
                .setAuthenticationCacheSize(0)
                .setAuthorizationCacheSize(0)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .setGracefulShutdownEnabled(false)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                .addAddressConfiguration(new CoreAddressConfiguration().setName(QUEUE)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST)
                                .setDurable(true)))
                .addAddressSetting("#", new AddressSettings().setRedeliveryDelay(0).setMaxDeliveryAttempts(-1));
        server = new ActiveMQServerImpl(config, new AliyunLogins());
        server.start();
        if (!server.waitForActivation(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test broker did not start");
        }
    }

    synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Stops the broker and starts it again on the same port and directory, with the messages it had. */
    void restart() throws Exception {
        stop();
        start();
    }

    private synchronized Queue queue() {
        return server.locateQueue(QUEUE);
    }

    /** The messages in the queue, those delivered and not yet settled included. */
    long messageCount() {
        return queue().getMessageCount();
    }

    /** The messages delivered to a consumer and not yet settled. */
    int deliveringCount() {
        return queue().getDeliveringCount();
    }

    int consumerCount() {
        return queue().getConsumerCount();
    }

    void purge() throws Exception {
        queue().deleteAllReferences();
    }

    /** Every login attempt so far, in order. */
    List<Login> logins() {
        synchronized (logins) {
            return List.copyOf(logins.values());
        }
    }

    List<Login> logins(String clientId) {
        return logins().stream().filter(login -> login.clientId().equals(clientId)).toList();
    }

    void clearLogins() {
        logins.clear();
    }

    /** The HMAC-SHA1 password, computed here independently of the code under test. */
    static String password(String secret, String accessKeyId, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(("authId=" + accessKeyId + "&timestamp=" + timestamp).getBytes(UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A username in IoT Platform's format, for the test's own producer. */
    static String username(String clientId, String accessKeyId, String iotInstanceId, String group, long timestamp) {
        return clientId + "|authMode=aksign,signMethod=hmacsha1,timestamp=" + timestamp + ",authId=" + accessKeyId
               + ",iotInstanceId=" + iotInstanceId + ",consumerGroupId=" + group + "|";
    }

    /** Signs users in as IoT Platform does; any signed-in user may do anything. */
    private final class AliyunLogins implements ActiveMQSecurityManager {

        @Override
        public boolean validateUser(String user, String password) {
            Login login = check(user, password);
            logins.putIfAbsent(user + "\n" + password, login);
            return login.accepted();
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return check(user, password).accepted();
        }

        private Login check(String user, String password) {
            Matcher m = user == null ? null : USERNAME.matcher(user);
            if (m == null || !m.matches()) {
                return new Login("?", null, null, null, 0, password, false, "not an IoT Platform username: " + user);
            }
            String clientId = m.group(1);
            long timestamp = Long.parseLong(m.group(2));
            String accessKeyId = m.group(3);
            String secret = secrets.get(accessKeyId);
            String reason = null;
            if (secret == null) {
                reason = "unknown authId";
            } else if (Math.abs(System.currentTimeMillis() - timestamp) > MAX_CLOCK_SKEW) {
                reason = "stale timestamp";
            } else if (!password(secret, accessKeyId, timestamp).equals(password)) {
                reason = "wrong signature";
            }
            return new Login(clientId, accessKeyId, m.group(4), m.group(5), timestamp, password, reason == null, reason);
        }
    }
}
