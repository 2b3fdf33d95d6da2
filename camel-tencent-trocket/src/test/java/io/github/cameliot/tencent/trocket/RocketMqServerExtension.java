package io.github.cameliot.tencent.trocket;

import io.github.cameliot.testsupport.rocketmq.RocketMqTestServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the RocketMQ 5.3.3 test server (a child JVM) once for the whole test run, shared by every test class that
 * uses this extension, and stops it when the run ends (JUnit closes the root store; a shutdown hook and the child's
 * watch on its standard input are the fallbacks).
 */
public final class RocketMqServerExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RocketMqServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> new Holder(RocketMqTestServer.shared()),
                Holder.class);
    }

    public static RocketMqTestServer server() {
        return RocketMqTestServer.shared();
    }

    @SuppressWarnings("deprecation")
    static final class Holder implements ExtensionContext.Store.CloseableResource {
        final RocketMqTestServer server;

        Holder(RocketMqTestServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            RocketMqTestServer.stopShared();
        }
    }
}
