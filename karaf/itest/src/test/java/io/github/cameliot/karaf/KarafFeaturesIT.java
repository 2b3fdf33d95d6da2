package io.github.cameliot.karaf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boots a real Apache Karaf (the minimal distribution the build unpacked), installs Camel Karaf's features and the
 * suite's, and deploys a blueprint route that calls {@code tencent-iot:DescribeDevice} on a local server answering like
 * the cloud. Karaf reads artifacts only from its own {@code system/} folder and the repository folder the build filled
 * from the reactor and the Maven repository (karaf-maven-plugin, features-add-to-repository): nothing from a network.
 * When that folder lacks a bundle the features need, the test is skipped and names every missing artifact.
 */
class KarafFeaturesIT {

    private static final String FEATURES_URL = "mvn:io.github.cameliot/cameliot-features/"
            + System.getProperty("cameliot.version") + "/xml/features";
    private static final List<String> FEATURES = List.of("camel-blueprint", "camel-tencent-iot",
            "camel-tencent-iot-explorer", "camel-aliyun-iot", "camel-tencent-trocket");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    /** A bundle line of feature:info -t -b: {@code + mvn:g/a/v}, {@code \ wrap:mvn:g/a/v$instructions}. */
    private static final Pattern TREE_BUNDLE = Pattern.compile("[+\\\\] (?:wrap:)?mvn:([^$\\s]+)");
    /** A row of bundle:list: id, state, and after the last column separator the name. */
    private static final Pattern BUNDLE_ROW = Pattern.compile("^\\s*(\\d+)\\s*\\|\\s*(\\w+)\\s*\\|.*\\|\\s*(.+?)\\s*$");

    private static final Path HOME = Path.of(System.getProperty("karaf.home"));
    private static final Path REPOSITORY = Path.of(System.getProperty("karaf.repository"));
    private static final Path WORK = HOME.getParent().resolve("karaf-itest");
    private static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

    private static MockWebServer cloud;
    private static Process karaf;
    private static int sshPort;

    @BeforeAll
    static void startKaraf() throws Exception {
        cloud = new MockWebServer();
        cloud.start();
        sshPort = freePort();
        configure();
        karaf = new ProcessBuilder(HOME.resolve("bin/karaf").toString(), "server")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("karaf-console.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(KarafFeaturesIT::stopKaraf));
        waitUntilStarted();
    }

    @AfterAll
    static void stop() throws IOException {
        stopKaraf();
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void featuresInstallAndTheRouteCallsTheCloud() throws Exception {
        run("feature:repo-add " + FEATURES_URL);
        List<String> missing = missingBundles();
        if (!missing.isEmpty()) {
            String reason = "the Maven repository lacks " + missing.size()
                    + " artifact(s) that the features need, so Karaf cannot install them: " + String.join(", ", missing);
            System.err.println("KarafFeaturesIT skipped: " + reason);
            abort(reason);
        }
        run("feature:install " + String.join(" ", FEATURES));

        cloud.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"Response\":{\"DeviceName\":\"dev1\",\"Online\":1,\"RequestId\":\"req-karaf\"}}")
                .build());
        Path out = WORK.resolve("out");
        Files.writeString(HOME.resolve("deploy/cameliot-route.xml"), route(out));

        RecordedRequest request = cloud.takeRequest(2, TimeUnit.MINUTES);
        assertThat(request).as("the route's call to the cloud (see %s)", HOME.resolve("data/log/karaf.log")).isNotNull();
        assertThat(request.getHeaders().get("X-TC-Action")).isEqualTo("DescribeDevice");
        assertThat(request.getHeaders().get("Authorization")).startsWith("TC3-HMAC-SHA256 Credential=AKIDkaraf/");
        assertThat(request.getBody().utf8()).contains("\"ProductId\":\"ABCDE12345\"", "\"DeviceName\":\"dev1\"");

        Path written = out.resolve("device.txt");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(written) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(written).as("what the route wrote from the response").hasContent("dev1 online=1");

        List<String> notStarted = new ArrayList<>();
        List<String> suite = new ArrayList<>();
        for (String line : run("bundle:list -t 0").split("\n")) {
            Matcher row = BUNDLE_ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            boolean fragment = row.group(3).contains("Hosts:");
            if (!row.group(2).equals(fragment ? "Resolved" : "Active")) {
                notStarted.add(row.group(1) + " " + row.group(3) + ": " + row.group(2));
            }
            if (row.group(3).startsWith("cameliot ::")) {
                suite.add(row.group(3));
            }
        }
        assertThat(notStarted).as("bundles that did not start").isEmpty();
        assertThat(suite).as("the suite's bundles").hasSize(4);
    }

    /**
     * The bundles of the features' trees, as Karaf resolves them, that neither Karaf's system folder nor the repository
     * folder holds: what the build could not download.
     */
    private static List<String> missingBundles() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (String feature : FEATURES) {
            Matcher bundle = TREE_BUNDLE.matcher(run("feature:info -t -b " + feature));
            while (bundle.find()) {
                String[] coordinates = bundle.group(1).split("/");
                String type = coordinates.length > 3 ? coordinates[3] : "jar";
                String classifier = coordinates.length > 4 ? "-" + coordinates[4] : "";
                String path = coordinates[0].replace('.', '/') + "/" + coordinates[1] + "/" + coordinates[2] + "/"
                        + coordinates[1] + "-" + coordinates[2] + classifier + "." + type;
                if (!Files.exists(REPOSITORY.resolve(path)) && !Files.exists(HOME.resolve("system").resolve(path))) {
                    missing.add(String.join(":", coordinates));
                }
            }
        }
        return new ArrayList<>(missing);
    }

    /** A blueprint route on all four components: the timer's calls tencent-iot, the others only have to start. */
    private static String route(Path out) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <blueprint xmlns="http://www.osgi.org/xmlns/blueprint/v1.0.0">
                  <camelContext id="cameliot-itest" xmlns="http://camel.apache.org/schema/blueprint">
                    <route id="describe-device">
                      <from uri="timer:describe?repeatCount=1"/>
                      <to uri="tencent-iot:DescribeDevice?region=ap-guangzhou&amp;productId=ABCDE12345&amp;deviceName=dev1&amp;endpoint=CLOUD&amp;secretId=AKIDkaraf&amp;secretKey=RAW(karaf-test-key)"/>
                      <setBody><simple>${body[DeviceName]} online=${body[Online]}</simple></setBody>
                      <to uri="file:OUT?fileName=device.txt"/>
                    </route>
                    <route id="explorer">
                      <from uri="direct:explorer"/>
                      <to uri="tencent-iot-explorer:AppGetFamilyList?endpoint=CLOUD&amp;appKey=karaf&amp;appSecret=RAW(karaf-test-key)"/>
                    </route>
                    <route id="aliyun">
                      <from uri="direct:aliyun"/>
                      <to uri="aliyun-iot:QueryDeviceDetail?regionId=cn-shanghai&amp;endpoint=CLOUD&amp;accessKeyId=karaf&amp;accessKeySecret=RAW(karaf-test-key)"/>
                    </route>
                    <route id="trocket">
                      <from uri="direct:trocket"/>
                      <to uri="tencent-trocket:DescribeTopicList?region=ap-guangzhou&amp;endpoint=CLOUD&amp;secretId=AKIDkaraf&amp;secretKey=RAW(karaf-test-key)"/>
                    </route>
                  </camelContext>
                </blueprint>
                """.replace("CLOUD", "http://127.0.0.1:" + cloud.getPort()).replace("OUT", out.toString());
    }

    /** Fresh data, a free SSH port, a user for the client, and Maven resolution from the two local folders only. */
    private static void configure() throws IOException {
        deleteTree(HOME.resolve("data"));
        deleteTree(WORK);
        Files.createDirectories(WORK);
        Files.deleteIfExists(HOME.resolve("deploy/cameliot-route.xml"));

        Path shell = HOME.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell)
                .replaceAll("(?m)^sshPort\\s*=.*$", "sshPort = " + sshPort)
                .replaceAll("(?m)^sshHost\\s*=.*$", "sshHost = 127.0.0.1"));
        Files.writeString(HOME.resolve("etc/users.properties"), "karaf = " + PASSWORD + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        Files.writeString(HOME.resolve("etc/org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.offline = true",
                "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                "org.ops4j.pax.url.mvn.localRepository = " + REPOSITORY,
                "org.ops4j.pax.url.mvn.defaultRepositories = " + HOME.resolve("system").toUri()
                        + "@id=system.repository@snapshots, " + REPOSITORY.toUri() + "@id=itest.repository@snapshots",
                "org.ops4j.pax.url.mvn.repositories =",
                ""));
    }

    private static void waitUntilStarted() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                fail("Karaf exited with " + karaf.exitValue() + ", see " + WORK.resolve("karaf-console.log"));
            }
            Result result = client("bundle:list -t 0");
            last = result.output();
            if (result.exitCode() == 0 && last.contains("START LEVEL 100")) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("Karaf did not reach start level 100 within " + START_TIMEOUT + ": " + last);
    }

    /** Runs a shell command through bin/client; the command's failure, with Karaf's message, fails the test. */
    private static String run(String command) throws Exception {
        Result result = client(command);
        if (result.exitCode() != 0) {
            fail("'" + command + "' failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    /** Runs a shell command in the client's batch mode (the command on its standard input), without colours. */
    private static Result client(String command) throws Exception {
        Process client = new ProcessBuilder(HOME.resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-a", String.valueOf(sshPort), "-u", "karaf", "-p", PASSWORD, "-r", "1", "-b")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .start();
        try (var in = client.getOutputStream()) {
            in.write((command + "\n").getBytes(UTF_8));
        }
        String output = new String(client.getInputStream().readAllBytes(), UTF_8);
        if (!client.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            client.destroyForcibly();
            fail("'" + command + "' did not finish within " + COMMAND_TIMEOUT);
        }
        return new Result(client.exitValue(), ANSI.matcher(output).replaceAll(""));
    }

    /** Stops Karaf and whatever its launcher script started, forcibly when it does not stop in time. */
    private static synchronized void stopKaraf() {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(karaf.descendants(), Stream.of(karaf.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle process : tree) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        karaf = null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private record Result(int exitCode, String output) {
    }
}
