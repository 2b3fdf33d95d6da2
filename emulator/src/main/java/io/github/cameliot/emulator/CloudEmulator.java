package io.github.cameliot.emulator;

import java.util.List;

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
