package io.github.cameliot.emulator;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded cloud on its own until interrupted, and logs where its APIs listen, for routes started
 * elsewhere (a Camel JBang run, an IDE) to point their endpoint options at. The argument {@code --rocketmq} also
 * starts the RocketMQ broker behind the TDMQ instances. The accounts' keys are {@link EmulatorCredentials#defaults()}.
 */
public final class EmulatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorMain.class);

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CloudEmulator cloud = CloudEmulator.builder().rocketMq(List.of(args).contains("--rocketmq")).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        LOG.info("IoT Hub           tencent-iot endpoint={}", cloud.iotHub().url());
        LOG.info("IoT Explorer      tencent-iot-explorer endpoint={} pushUrl={}", cloud.explorer().url(),
                cloud.explorer().pushUrl());
        LOG.info("TDMQ RocketMQ     tencent-trocket endpoint={}", cloud.trocket().url());
        LOG.info("Alibaba IoT       aliyun-iot endpoint={} amqpEndpoint={}", cloud.aliyunIot().url(),
                cloud.aliyunIot().amqpUrl());
        LOG.info("Keys: Tencent SecretId {}, Alibaba AccessKey id {}, Explorer AppKey {} (secrets: docs/emulator.md)",
                cloud.credentials().tencentSecretId(), cloud.credentials().aliyunAccessKeyId(),
                cloud.credentials().explorerAppKey());
        LOG.info("Emulator running; stop it with Ctrl-C");
        stopped.await();
    }
}
