package io.github.cameliot.emulator.tencent.trocket;

import java.net.URI;
import java.util.Map;

import io.github.cameliot.emulator.EmulatedCloud;
import io.github.cameliot.emulator.EmulatorContext;
import io.github.cameliot.emulator.http.ActionBook;
import io.github.cameliot.emulator.http.ApiServer;
import io.github.cameliot.emulator.http.Faults;
import io.github.cameliot.emulator.tencent.Tc3WireProtocol;
import io.github.cameliot.emulator.tencent.TencentExamples;

/** The Tencent Cloud TDMQ RocketMQ 5.x management API (trocket 2023-03-08). */
public final class TrocketEmulator implements EmulatedCloud {

    private ApiServer server;

    @Override
    public void start(EmulatorContext context) {
        ActionBook book = ActionBook.load("trocket");
        Tc3WireProtocol protocol = new Tc3WireProtocol("trocket", "2023-03-08",
                Map.of(context.credentials().tencentSecretId(), context.credentials().tencentSecretKey()),
                context.millis());
        server = new ApiServer("TDMQ RocketMQ", context.vertx(), protocol, book, TencentExamples.of(book));
        server.quotas().enforce(context.enforceQuotas());
        server.start();
    }

    /** The API's base URL: the tencent-trocket endpoint option. */
    public URI url() {
        return server.url();
    }

    public Faults faults() {
        return server.faults();
    }

    @Override
    public void reset() {
        server.faults().reset();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
