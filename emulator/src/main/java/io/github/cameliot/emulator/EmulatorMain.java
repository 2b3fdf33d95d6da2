package io.github.cameliot.emulator;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded cloud on its own until interrupted, and prints where its APIs listen, for routes started
 * elsewhere (a Camel JBang run, an IDE) to point their endpoint options at. The argument {@code --rocketmq} also
 * starts the RocketMQ broker behind the TDMQ instances. The accounts' keys are {@link EmulatorCredentials#defaults()}
 * (docs/emulator.md lists them).
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CloudEmulator cloud = CloudEmulator.builder().rocketMq(List.of(args).contains("--rocketmq")).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        PrintStream out = System.out;
        out.println("tencent-iot           endpoint=" + cloud.iotHub().url());
        out.println("tencent-iot-explorer  endpoint=" + cloud.explorer().url() + " pushUrl=" + cloud.explorer().pushUrl());
        out.println("tencent-trocket       endpoint=" + cloud.trocket().url());
        out.println("aliyun-iot            endpoint=" + cloud.aliyunIot().url() + " amqpEndpoint="
                    + cloud.aliyunIot().amqpUrl());
        out.println("keys: Tencent SecretId " + cloud.credentials().tencentSecretId() + ", Alibaba AccessKey id "
                    + cloud.credentials().aliyunAccessKeyId() + ", Explorer AppKey " + cloud.credentials().explorerAppKey());
        out.println("Emulator running; stop it with Ctrl-C");
        stopped.await();
    }
}
