package io.github.cameliot.emulator;

import java.util.List;
import java.util.Properties;

import io.github.cameliot.emulator.aliyun.AliyunIotEmulator;
import io.github.cameliot.emulator.tencent.explorer.ExplorerEmulator;
import io.github.cameliot.emulator.tencent.iothub.IotHubEmulator;
import io.github.cameliot.emulator.tencent.trocket.TrocketEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * An embedded Tencent Cloud and Alibaba Cloud for offline runs and tests: the IoT Hub, IoT Explorer application,
 * TDMQ RocketMQ management and Alibaba IoT Platform APIs on loopback ports, checking signatures as the clouds do,
 * keeping the state of products, devices, shadows, rules and instances in memory, and moving device messages to
 * the components' streams.
 *
 * <pre>{@code
 * try (CloudEmulator cloud = CloudEmulator.start()) {
 *     String endpoint = cloud.iotHub().url().toString(); // the tencent-iot endpoint option
 *     ...
 * }
 * }</pre>
 */
public final class CloudEmulator implements AutoCloseable {

    private final EmulatorContext context;
    private final IotHubEmulator iotHub = new IotHubEmulator();
    private final ExplorerEmulator explorer = new ExplorerEmulator();
    private final TrocketEmulator trocket = new TrocketEmulator();
    private final AliyunIotEmulator aliyunIot = new AliyunIotEmulator();

    private CloudEmulator(EmulatorContext context) {
        this.context = context;
        // IoT Hub rules with a TDMQ target put their messages on the emulated instances' RocketMQ topics
        iotHub.rocketMqTarget(trocket::send);
    }

    /** Starts an emulator with the default keys and every quota enforced. */
    public static CloudEmulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public IotHubEmulator iotHub() {
        return iotHub;
    }

    public ExplorerEmulator explorer() {
        return explorer;
    }

    public TrocketEmulator trocket() {
        return trocket;
    }

    public AliyunIotEmulator aliyunIot() {
        return aliyunIot;
    }

    public EmulatorCredentials credentials() {
        return context.credentials();
    }

    /**
     * The properties that point the named components at this emulator, as Camel Main and Spring Boot read them
     * ({@code camel.component.SCHEME.OPTION}): the endpoint overrides and the accounts' keys. Against the real clouds,
     * the keys are what one sets instead. aliyun-iot's {@code amqpEndpoint} is left out, since asking for
     * {@code aliyunIot().amqpUrl()} starts the AMQP broker.
     *
     * @param schemes any of {@code tencent-iot}, {@code tencent-iot-explorer}, {@code tencent-trocket},
     *                {@code aliyun-iot}
     */
    public Properties componentProperties(String... schemes) {
        EmulatorCredentials keys = context.credentials();
        Properties properties = new Properties();
        for (String scheme : schemes) {
            String prefix = "camel.component." + scheme + ".";
            switch (scheme) {
                case "tencent-iot" -> {
                    properties.setProperty(prefix + "endpoint", iotHub.url().toString());
                    properties.setProperty(prefix + "secretId", keys.tencentSecretId());
                    properties.setProperty(prefix + "secretKey", keys.tencentSecretKey());
                }
                case "tencent-trocket" -> {
                    properties.setProperty(prefix + "endpoint", trocket.url().toString());
                    properties.setProperty(prefix + "secretId", keys.tencentSecretId());
                    properties.setProperty(prefix + "secretKey", keys.tencentSecretKey());
                }
                case "tencent-iot-explorer" -> {
                    properties.setProperty(prefix + "endpoint", explorer.url().toString());
                    properties.setProperty(prefix + "pushUrl", explorer.pushUrl().toString());
                    properties.setProperty(prefix + "appKey", keys.explorerAppKey());
                    properties.setProperty(prefix + "appSecret", keys.explorerAppSecret());
                }
                case "aliyun-iot" -> {
                    properties.setProperty(prefix + "endpoint", aliyunIot.url().toString());
                    properties.setProperty(prefix + "accessKeyId", keys.aliyunAccessKeyId());
                    properties.setProperty(prefix + "accessKeySecret", keys.aliyunAccessKeySecret());
                }
                default -> throw new IllegalArgumentException("The emulator has no cloud for the component " + scheme);
            }
        }
        return properties;
    }

    /** Forgets every cloud's state, as if just started. */
    public void reset() {
        clouds().forEach(EmulatedCloud::reset);
    }

    @Override
    public void close() {
        clouds().forEach(EmulatedCloud::close);
        context.vertx().close().toCompletionStage().toCompletableFuture().join();
    }

    private List<EmulatedCloud> clouds() {
        return List.of(iotHub, explorer, trocket, aliyunIot);
    }

    private CloudEmulator startClouds(boolean rocketMq) {
        try {
            for (EmulatedCloud cloud : clouds()) {
                cloud.start(context);
            }
            if (rocketMq) {
                trocket.startRocketMq();
            }
            return this;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The cloud emulator did not start", e);
        }
    }

    /** The settings of an emulator. */
    public static final class Builder {

        private EmulatorCredentials credentials = EmulatorCredentials.defaults();
        private boolean enforceQuotas = true;
        private boolean rocketMq;

        private Builder() {
        }

        /** The keys the emulated accounts accept. */
        public Builder credentials(EmulatorCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Whether calls beyond an action's documented quota are refused with the cloud's throttling error. */
        public Builder enforceQuotas(boolean enforceQuotas) {
            this.enforceQuotas = enforceQuotas;
            return this;
        }

        /**
         * Whether to start a real RocketMQ 5 broker (in a child JVM, a few seconds) behind the TDMQ instances, for
         * the tencent-trocket topic endpoints and IoT Hub rules with a TDMQ target. Off by default;
         * {@code trocket().startRocketMq()} starts it later.
         */
        public Builder rocketMq(boolean rocketMq) {
            this.rocketMq = rocketMq;
            return this;
        }

        public CloudEmulator start() {
            Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(8));
            return new CloudEmulator(new EmulatorContext(vertx, credentials, System::currentTimeMillis, enforceQuotas))
                    .startClouds(rocketMq);
        }
    }
}
