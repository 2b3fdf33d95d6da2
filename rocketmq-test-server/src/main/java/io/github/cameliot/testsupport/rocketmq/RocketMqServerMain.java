package io.github.cameliot.testsupport.rocketmq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.proxy.ProxyStartup;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The child JVM: a name server, and a proxy in LOCAL mode with its broker embedded, on free ports, with their data in
 * the directory given as the only argument. It prints {@code READY <grpc port> <namesrv port>} on standard output,
 * then answers commands read from standard input, one a line, with {@code OK} or {@code ERROR <why>}:
 * <ul>
 * <li>{@code topic NAME TYPE QUEUES}: create a topic of message type NORMAL, FIFO, DELAY or TRANSACTION, and wait
 * until its route is visible;</li>
 * <li>{@code group NAME MAX_RETRIES FIFO}: create a consumer group (FIFO true or false).</li>
 * </ul>
 * It exits when its standard input closes, so it never outlives the JVM that started it.
 */
public final class RocketMqServerMain {

    private static final String CLUSTER = "DefaultCluster";

    private RocketMqServerMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // RocketMQ prints to System.out; keep the protocol stream clean
        System.setOut(new PrintStream(Files.newOutputStream(Paths.get(args[0], "stdout.log")), true, StandardCharsets.UTF_8));
        Path dir = Paths.get(args[0]).toAbsolutePath();
        int namesrvPort = freePort(0);
        int brokerPort = freeBlock();
        int grpcPort = freePort(0);
        int remotingPort = freePort(0);
        String namesrv = "127.0.0.1:" + namesrvPort;

        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setRocketmqHome(dir.toString());
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig namesrvNetty = new NettyServerConfig();
        namesrvNetty.setListenPort(namesrvPort);
        NamesrvController namesrvController = new NamesrvController(namesrvConfig, namesrvNetty, new NettyClientConfig());
        if (!namesrvController.initialize()) {
            throw new IllegalStateException("the name server did not initialize");
        }
        namesrvController.start();

        Path store = dir.resolve("store");
        Path brokerConf = dir.resolve("broker.conf");
        Files.writeString(brokerConf, String.join("\n",
                "brokerClusterName=" + CLUSTER,
                "brokerName=broker-a",
                "brokerId=0",
                "brokerIP1=127.0.0.1",
                "listenPort=" + brokerPort,
                "haListenPort=" + (brokerPort + 1),
                "namesrvAddr=" + namesrv,
                "storePathRootDir=" + store,
                "storePathCommitLog=" + store.resolve("commitlog"),
                "autoCreateTopicEnable=false",
                "autoCreateSubscriptionGroup=true",
                "enablePropertyFilter=true",
                "timerWheelEnable=true",
                "flushDiskType=ASYNC_FLUSH",
                "mappedFileSizeCommitLog=67108864",
                "mappedFileSizeTimerLog=16777216",
                "timerWheelSlot=604800",
                "diskMaxUsedSpaceRatio=99",
                // topics the broker creates (the dead-letter queue %DLQ%GROUP) reach the name server sooner (10 s is the least)
                "registerNameServerPeriod=10000",
                "") + "\n");
        Path proxyConf = dir.resolve("proxy.json");
        Files.writeString(proxyConf, "{\"rocketMQClusterName\":\"" + CLUSTER + "\",\"proxyMode\":\"local\",\"grpcServerPort\":"
                                     + grpcPort + ",\"remotingListenPort\":" + remotingPort + ",\"namesrvAddr\":\"" + namesrv
                                     + "\",\"minInvisibleTimeMillsForRecv\":1000,\"grpcShutdownTimeSeconds\":1}");
        ProxyStartup.main(new String[] { "-pc", proxyConf.toString(), "-bc", brokerConf.toString(), "-pm", "local", "-n", namesrv });

        DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("test-admin-" + ProcessHandle.current().pid());
        admin.start();
        String brokerAddr = "127.0.0.1:" + brokerPort;
        long deadline = System.currentTimeMillis() + 60_000;
        while (admin.examineBrokerClusterInfo().getBrokerAddrTable().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the broker did not register with the name server");
            }
            Thread.sleep(100);
        }
        out.println("READY " + grpcPort + " " + namesrvPort);

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            try {
                switch (words[0]) {
                    case "topic" -> createTopic(admin, brokerAddr, words[1], words[2], Integer.parseInt(words[3]));
                    case "group" -> createGroup(admin, brokerAddr, words[1], Integer.parseInt(words[2]),
                            Boolean.parseBoolean(words[3]));
                    case "quit" -> {
                        out.println("OK");
                        halt();
                    }
                    default -> throw new IllegalArgumentException("unknown command " + words[0]);
                }
                out.println("OK");
            } catch (Exception e) {
                out.println("ERROR " + String.valueOf(e).replace('\n', ' '));
            }
        }
        halt();
    }

    /** Standard input closed: the parent is gone or done. The data directory is the parent's to delete. */
    private static void halt() {
        Runtime.getRuntime().halt(0);
    }

    private static void createTopic(DefaultMQAdminExt admin, String brokerAddr, String name, String type, int queues)
            throws Exception {
        TopicConfig topic = new TopicConfig(name, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
        topic.setAttributes(Map.of("+message.type", type));
        topic.setOrder("FIFO".equals(type));
        admin.createAndUpdateTopicConfig(brokerAddr, topic);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                TopicRouteData route = admin.examineTopicRouteInfo(name);
                if (route != null && !route.getQueueDatas().isEmpty() && !route.getBrokerDatas().isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the route of topic " + name + " did not appear");
            }
            Thread.sleep(50);
        }
    }

    private static void createGroup(DefaultMQAdminExt admin, String brokerAddr, String name, int maxRetries, boolean fifo)
            throws Exception {
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName(name);
        group.setRetryMaxTimes(maxRetries);
        group.setConsumeMessageOrderly(fifo);
        admin.createAndUpdateSubscriptionGroupConfig(brokerAddr, group);
    }

    private static int freePort(int preferred) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred, 50, InetAddress.getByName("0.0.0.0"))) {
            return socket.getLocalPort();
        }
    }

    /** A port p with p-2 (the broker's fast remoting port) to p+1 (its HA port) free too. */
    private static int freeBlock() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            try {
                for (int q = p - 2; q <= p + 1; q++) {
                    freePort(q);
                }
                return p;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no block of 4 free ports");
    }
}
