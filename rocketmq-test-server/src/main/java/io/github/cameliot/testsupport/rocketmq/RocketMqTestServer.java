package io.github.cameliot.testsupport.rocketmq;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Apache RocketMQ 5.3.3 server for tests and benchmarks: a name server and a LOCAL-mode proxy with its broker
 * embedded, in one child JVM ({@link RocketMqServerMain}) on free ports, its data in a temporary directory. The server
 * jars' class path comes from the resource {@code server.classpath}, which the build of this module writes, so that
 * the server never shares a class path with the RocketMQ 5.x client of the JVM that starts it.
 * <p>
 * {@link #shared()} starts one per JVM, on first use; it is stopped by {@link #close()} or, at the latest, by a shutdown
 * hook. The child also exits by itself when its standard input closes, so it does not survive the JVM that started it
 * even when that one is killed.
 * <p>
 * Uses only the JDK: this class runs in the test's JVM.
 */
public final class RocketMqTestServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static RocketMqTestServer shared;

    private final Path dir;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);
    private final int grpcPort;
    private final int namesrvPort;
    private final Thread hook;
    private boolean closed;

    /** The server of this JVM, started on first call. */
    public static synchronized RocketMqTestServer shared() {
        if (shared == null || shared.closed) {
            shared = start();
        }
        return shared;
    }

    /** Stops the server of this JVM, if one was started. */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
        }
    }

    /** Starts a server of its own (most callers want {@link #shared()}). */
    public static RocketMqTestServer start() {
        try {
            return new RocketMqTestServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RocketMqTestServer() throws IOException {
        dir = Files.createTempDirectory("rocketmq-test-server");
        String classPath = classPath(dir);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m", "-XX:MaxDirectMemorySize=512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.home=" + dir, "-Drocketmq.home.dir=" + dir,
                "-Drocketmq.client.logRoot=" + dir.resolve("logs"), "-Drocketmq.log.level=WARN",
                "-Dio.netty.leakDetection.level=disabled",
                // the proxy makes a self-signed certificate for its TLS port with the JDK's internal X.509 classes
                "--add-exports=java.base/sun.security.x509=ALL-UNNAMED", "--add-opens=java.base/sun.security.x509=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", classPath, RocketMqServerMain.class.getName(),
                dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().remove("ROCKETMQ_HOME");
        process = builder.start();
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        hook = new Thread(this::destroy, "rocketmq-test-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread reader = new Thread(() -> readAnswers(process.getInputStream()), "rocketmq-test-server-out");
        reader.setDaemon(true);
        reader.start();
        String ready;
        try {
            ready = answers.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = null;
        }
        if (ready == null || !ready.startsWith("READY ")) {
            String log = tail(dir.resolve("stderr.log"));
            close();
            throw new IllegalStateException("the RocketMQ test server did not start: " + ready + "\n" + log);
        }
        String[] ports = ready.split(" ");
        grpcPort = Integer.parseInt(ports[1]);
        namesrvPort = Integer.parseInt(ports[2]);
    }

    private void readAnswers(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                answers.put(line);
            }
        } catch (IOException | InterruptedException e) {
            // the child is gone
        }
        answers.offer("EXITED");
    }

    /** The gRPC proxy's address, host:port, for the RocketMQ 5.x client. */
    public String endpoint() {
        return "127.0.0.1:" + grpcPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    /** The name server's address, host:port, for the remoting (4.x) client and admin tools. */
    public String nameServer() {
        return "127.0.0.1:" + namesrvPort;
    }

    /** Creates a topic of a message type (NORMAL, FIFO, DELAY or TRANSACTION) and waits until its route is visible. */
    public void createTopic(String name, String messageType, int queues) {
        command("topic " + name + " " + messageType + " " + queues);
    }

    /** Creates a consumer group, FIFO (orderly) or not, with its retry limit before the dead-letter queue. */
    public void createGroup(String name, int maxRetries, boolean fifo) {
        command("group " + name + " " + maxRetries + " " + fifo);
    }

    private synchronized void command(String line) {
        if (closed) {
            throw new IllegalStateException("the RocketMQ test server is stopped");
        }
        try {
            commands.write(line + "\n");
            commands.flush();
            String answer = answers.poll(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!"OK".equals(answer)) {
                throw new IllegalStateException("RocketMQ test server: '" + line + "' answered " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the child JVM, waits for it to end, and deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran
        }
        destroy();
    }

    private void destroy() {
        try {
            commands.close();
        } catch (IOException ignored) {
            // gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The server jars, and a copy of {@link RocketMqServerMain}'s class file in the data directory: never the jar or
     * directory this class came from, which may hold the 5.x client, Camel or anything else (a shaded benchmark jar).
     */
    private static String classPath(Path dir) throws IOException {
        String server;
        try (InputStream in = RocketMqTestServer.class.getResourceAsStream("server.classpath")) {
            if (in == null) {
                throw new IllegalStateException("server.classpath is missing: build the module rocketmq-test-server");
            }
            server = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String resource = RocketMqServerMain.class.getName().replace('.', '/') + ".class";
        Path classes = dir.resolve("classes");
        Path target = classes.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = RocketMqTestServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Files.copy(in, target);
        }
        return classes + File.pathSeparator + server;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
