package io.github.cameliot.tencent.trocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import org.apache.camel.test.AvailablePortFinder;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * An embedded HiveMQ CE (MQTT 5) on 127.0.0.1 and a free port, started once per test run (the first test class that
 * asks for it starts it; a shutdown hook stops it and deletes its temporary directory). An embedded extension signs
 * clients in with a username and password, as a TDMQ MQTT instance does with its users, records every login, and
 * records every PUBACK a subscriber sends, in one sequence with the tests' own events ({@link #next()}), so that tests
 * can tell what happened before what.
 */
public final class HiveMqTestBroker {

    /** The users the broker accepts: username to password. */
    static final Map<String, String> USERS = Map.of(
            "reader", "reader-pass-Qx81vZ",
            "writer", "writer-pass-Lm27kT",
            "direct", "direct-pass-Hn52bW",
            "responder", "responder-pass-Vd64rP");

    /** One login attempt. */
    record Login(String clientId, String username, boolean accepted, boolean cleanStart) {
    }

    /** One PUBACK a client sent the broker, acknowledging the QoS 1 PUBLISH of that packet id. */
    record Puback(String clientId, int packetId, long sequence) {
    }

    private static HiveMqTestBroker instance;

    private final AtomicLong sequence = new AtomicLong();
    private final List<Login> logins = new CopyOnWriteArrayList<>();
    private final List<Puback> pubacks = new CopyOnWriteArrayList<>();
    private final int port;
    private final Path directory;
    private EmbeddedHiveMQ hivemq;

    private HiveMqTestBroker(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** The broker, started on first use. */
    public static synchronized HiveMqTestBroker get() throws Exception {
        if (instance == null) {
            HiveMqTestBroker broker = new HiveMqTestBroker(AvailablePortFinder.getNextAvailable(),
                    Files.createTempDirectory("hivemq-test"));
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "hivemq-test-stop"));
            instance = broker;
        }
        return instance;
    }

    public int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The next number of the sequence that orders the broker's records and the tests' events. */
    long next() {
        return sequence.incrementAndGet();
    }

    List<Login> logins(String clientId) {
        return logins.stream().filter(login -> login.clientId().equals(clientId)).toList();
    }

    List<Login> loginsAs(String username) {
        return logins.stream().filter(login -> username.equals(login.username())).toList();
    }

    List<Puback> pubacks(String clientId) {
        return pubacks.stream().filter(puback -> puback.clientId().equals(clientId)).toList();
    }

    private void start() throws Exception {
        Path conf = Files.createDirectories(directory.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port), UTF_8);
        EmbeddedExtension extension = EmbeddedExtension.builder()
                .withId("cameliot-test-auth")
                .withName("cameliot test authentication")
                .withVersion("1.0")
                .withExtensionMain(new TestExtension())
                .build();
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(directory.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(directory.resolve("extensions")))
                .withEmbeddedExtension(extension)
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(60, TimeUnit.SECONDS);
    }

    private void stop() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            // the JVM ends anyway
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }

    private final class TestExtension implements ExtensionMain {

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> (SimpleAuthenticator) (authInput, authOutput) -> {
                ConnectPacket connect = authInput.getConnectPacket();
                String username = connect.getUserName().orElse(null);
                String password = connect.getPassword().map(HiveMqTestBroker::text).orElse(null);
                boolean accepted = username != null && password != null && password.equals(USERS.get(username));
                logins.add(new Login(connect.getClientId(), username, accepted, connect.getCleanStart()));
                if (accepted) {
                    authOutput.authenticateSuccessfully();
                } else {
                    authOutput.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad username or password");
                }
            });
            Services.initializerRegistry().setClientInitializer((initializerInput, clientContext) -> clientContext
                    .addPubackInboundInterceptor((pubackInput, pubackOutput) -> pubacks.add(new Puback(
                            pubackInput.getClientInformation().getClientId(),
                            pubackInput.getPubackPacket().getPacketIdentifier(), next()))));
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        }
    }

    private static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, UTF_8);
    }
}
