package io.github.cameliot.emulator.aliyun;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
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
 * The IoT Platform's AMQP 1.0 server-side subscription: an embedded ActiveMQ Artemis on 127.0.0.1 whose queue
 * {@value #QUEUE} holds the device messages, with the application properties {@code topic}, {@code messageId} and
 * {@code generateTime} and the payload as the body. It signs clients in as the IoT Platform does: the SASL PLAIN
 * username {@code clientId|authMode=aksign,signMethod=hmacsha1,timestamp=MS,authId=KEYID,iotInstanceId=,consumerGroupId=GROUP|}
 * and the password {@code Base64(HMAC-SHA1(secret, "authId=KEYID&timestamp=MS"))}, recomputed here with plain
 * javax.crypto, within 15 minutes of the timestamp. Every login attempt is recorded.
 * <p>
 * All consumer groups read the one queue: a group's name is checked, not kept apart. With a directory, the messages
 * survive {@link #restart()} (persistent journal); without one, they live in memory.
 */
public final class AmqpSubscription implements AutoCloseable {

    /** The address a subscription client receives from, as in Alibaba's samples. */
    public static final String QUEUE = "default";
    /** How far a login's timestamp may be from the server's clock. */
    public static final long MAX_CLOCK_SKEW_MILLIS = 15 * 60 * 1000;

    /** One login attempt, as the server saw it; never with the password in its text form. */
    public record Login(String clientId, String accessKeyId, String iotInstanceId, String consumerGroupId,
            long timestamp, String password, boolean accepted, String reason) {

        @Override
        public String toString() {
            return "Login[clientId=" + clientId + ", consumerGroupId=" + consumerGroupId + ", accepted=" + accepted
                    + (reason == null ? "" : ", reason=" + reason) + "]";
        }
    }

    private static final Pattern USERNAME = Pattern.compile("([^|,=\\s]+)\\|authMode=aksign,signMethod=hmacsha1,"
            + "timestamp=(\\d+),authId=([^|,=\\s]+),iotInstanceId=([^|,=\\s]*),consumerGroupId=([^|,=\\s]+)\\|");
    private static final AtomicInteger IN_VM_IDS = new AtomicInteger(7000);

    private final int port;
    private final Path directory;
    private final Map<String, String> secrets;
    private final LongSupplier millis;
    private final int inVmId = IN_VM_IDS.incrementAndGet();
    /** The emulator's own producer signs in with this, on the in-VM connection only. */
    private final String internalUser = "cameliot-emulator-" + UUID.randomUUID();
    private final String internalPassword = UUID.randomUUID().toString();
    /** Each login once, by username and password: Artemis checks a connection's login more than once. */
    private final Map<String, Login> logins = Collections.synchronizedMap(new LinkedHashMap<>());
    private ActiveMQServer server;
    private ServerLocator locator;
    private ClientSessionFactory sessions;
    private ClientSession session;
    private ClientProducer producer;

    /**
     * @param port      the port, or 0 for a free one
     * @param directory where the messages are kept across restarts, or null to keep them in memory
     * @param secrets   the AccessKey secret of each AccessKey id that may sign in
     */
    public AmqpSubscription(int port, Path directory, Map<String, String> secrets, LongSupplier millis) {
        this.port = port == 0 ? freePort() : port;
        this.directory = directory;
        this.secrets = Map.copyOf(secrets);
        this.millis = millis;
    }

    public AmqpSubscription(int port, Path directory, Map<String, String> secrets) {
        this(port, directory, secrets, System::currentTimeMillis);
    }

    /** The {@code amqpEndpoint} of the aliyun-iot component: {@code amqp://127.0.0.1:PORT}. */
    public String url() {
        return "amqp://127.0.0.1:" + port;
    }

    public synchronized AmqpSubscription start() {
        Configuration config = new ConfigurationImpl()
                .setName("cameliot-aliyun-iot-amqp-" + inVmId)
                .setPersistenceEnabled(directory != null)
                .setSecurityEnabled(true)
                // every connection attempt reaches the security manager
                .setAuthenticationCacheSize(0)
                .setAuthorizationCacheSize(0)
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .setGracefulShutdownEnabled(false)
                .addAddressConfiguration(new CoreAddressConfiguration().setName(QUEUE)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST)
                                .setDurable(directory != null)))
                .addAddressSetting("#", new AddressSettings().setRedeliveryDelay(0).setMaxDeliveryAttempts(-1));
        if (directory != null) {
            config.setJournalType(JournalType.NIO)
                    .setJournalDirectory(directory.resolve("journal").toString())
                    .setBindingsDirectory(directory.resolve("bindings").toString())
                    .setPagingDirectory(directory.resolve("paging").toString())
                    .setLargeMessagesDirectory(directory.resolve("large").toString())
                    .setNodeManagerLockDirectory(directory.resolve("lock").toString())
                    // written to the journal on every send, without waiting for the disk: enough for a restart
                    .setJournalSyncNonTransactional(false)
                    .setJournalSyncTransactional(false)
                    .setJournalFileSize(1024 * 1024)
                    .setJournalMinFiles(2);
        }
        try {
            config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                    .addAcceptorConfiguration("in-vm", "vm://" + inVmId);
            server = new ActiveMQServerImpl(config, new AliyunLogins());
            server.start();
            if (!server.waitForActivation(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The AMQP subscription's broker did not start");
            }
        } catch (Exception e) {
            throw new IllegalStateException("The AMQP subscription's broker did not start", e);
        }
        return this;
    }

    public synchronized void stop() {
        closeProducer();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("The AMQP subscription's broker did not stop", e);
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the broker and starts it again on the same port, with the messages it kept (given a directory). */
    public void restart() {
        stop();
        start();
    }

    /** Puts a device message on the subscription's queue. */
    public synchronized void send(DeviceMessage message) {
        try {
            if (producer == null) {
                locator = ActiveMQClient.createServerLocator("vm://" + inVmId);
                sessions = locator.createSessionFactory();
                session = sessions.createSession(internalUser, internalPassword, false, true, true, false, 0);
                producer = session.createProducer(QUEUE);
            }
            ClientMessage amqp = session.createMessage(Message.BYTES_TYPE, directory != null);
            amqp.getBodyBuffer().writeBytes(message.payload());
            amqp.putStringProperty("topic", message.topic());
            amqp.putStringProperty("messageId", message.messageId());
            amqp.putLongProperty("generateTime", message.generateTime());
            producer.send(amqp);
        } catch (Exception e) {
            closeProducer();
            throw new IllegalStateException("The device message did not reach the AMQP subscription", e);
        }
    }

    private void closeProducer() {
        try {
            if (session != null) {
                session.close();
            }
            if (sessions != null) {
                sessions.close();
            }
            if (locator != null) {
                locator.close();
            }
        } catch (Exception e) {
            // closing a broken in-VM session: nothing to keep
        } finally {
            producer = null;
            session = null;
            sessions = null;
            locator = null;
        }
    }

    private synchronized Queue queue() {
        return server.locateQueue(QUEUE);
    }

    /** The messages in the queue, those delivered and not yet settled included. */
    public long messageCount() {
        return queue().getMessageCount();
    }

    /** The messages delivered to a consumer and not yet settled. */
    public int deliveringCount() {
        return queue().getDeliveringCount();
    }

    public int consumerCount() {
        return queue().getConsumerCount();
    }

    /** Drops every message in the queue. */
    public void purge() {
        try {
            queue().deleteAllReferences();
        } catch (Exception e) {
            throw new IllegalStateException("The AMQP subscription's queue was not purged", e);
        }
    }

    /** Every login attempt so far, in order. */
    public List<Login> logins() {
        synchronized (logins) {
            return List.copyOf(logins.values());
        }
    }

    public List<Login> logins(String clientId) {
        return logins().stream().filter(login -> login.clientId().equals(clientId)).toList();
    }

    public void clearLogins() {
        logins.clear();
    }

    /** The password of a login, {@code Base64(HMAC-SHA1(secret, "authId=KEYID&timestamp=MS"))}. */
    public static String password(String secret, String accessKeyId, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(("authId=" + accessKeyId + "&timestamp=" + timestamp).getBytes(UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The username of a login (for a test's own client). */
    public static String username(String clientId, String accessKeyId, String iotInstanceId, String group,
            long timestamp) {
        return clientId + "|authMode=aksign,signMethod=hmacsha1,timestamp=" + timestamp + ",authId=" + accessKeyId
                + ",iotInstanceId=" + iotInstanceId + ",consumerGroupId=" + group + "|";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the AMQP subscription", e);
        }
    }

    /** Signs clients in as the IoT Platform does; any signed-in client may do anything. */
    private final class AliyunLogins implements ActiveMQSecurityManager {

        @Override
        public boolean validateUser(String user, String password) {
            if (internalUser.equals(user)) {
                return internalPassword.equals(password);
            }
            Login login = check(user, password);
            logins.putIfAbsent(user + "\n" + password, login);
            return login.accepted();
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            if (internalUser.equals(user)) {
                return internalPassword.equals(password);
            }
            return check(user, password).accepted();
        }

        private Login check(String user, String password) {
            Matcher m = user == null ? null : USERNAME.matcher(user);
            if (m == null || !m.matches()) {
                return new Login("?", null, null, null, 0, password, false, "not an IoT Platform username");
            }
            long timestamp = Long.parseLong(m.group(2));
            String accessKeyId = m.group(3);
            String secret = secrets.get(accessKeyId);
            String reason = null;
            if (secret == null) {
                reason = "unknown authId";
            } else if (Math.abs(millis.getAsLong() - timestamp) > MAX_CLOCK_SKEW_MILLIS) {
                reason = "stale timestamp";
            } else if (!password(secret, accessKeyId, timestamp).equals(password)) {
                reason = "wrong signature";
            }
            return new Login(m.group(1), accessKeyId, m.group(4), m.group(5), timestamp, password, reason == null,
                    reason);
        }
    }
}
