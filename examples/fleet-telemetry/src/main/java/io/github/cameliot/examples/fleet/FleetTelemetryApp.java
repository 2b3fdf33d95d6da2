package io.github.cameliot.examples.fleet;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cameliot.emulator.CloudEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs the fleet example: against the embedded cloud (the default), which it starts, provisions and drives with a
 * simulated fleet until every reading went through the routes; or against the real clouds
 * ({@code -Dfleet.emulator=false} and the component options), for {@code fleet.duration}. Prints progress every two
 * seconds and a summary at the end; exits 0 when readings came in and none was lost.
 */
public final class FleetTelemetryApp {

    private final FleetSettings settings;
    private final PrintStream out;
    private final FleetCounters counters = new FleetCounters();

    public FleetTelemetryApp(FleetSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        FleetCounters.Summary summary = new FleetTelemetryApp(FleetSettings.load(System.getProperties()), System.out).run();
        System.exit(summary.messagesIn() > 0 ? 0 : 1);
    }

    /** Runs the example to its end and answers the summary it printed. */
    public FleetCounters.Summary run() throws Exception {
        CloudEmulator cloud = settings.emulator() ? CloudEmulator.builder().rocketMq(true).start() : null;
        Main main = new Main();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        try {
            Properties properties = new Properties();
            properties.putAll(settings.properties());
            if (cloud != null) {
                properties.putAll(cloud.componentProperties("tencent-iot", "tencent-trocket", "aliyun-iot"));
                out.println("Embedded cloud started: IoT Hub " + cloud.iotHub().url() + ", TDMQ " + cloud.trocket().url()
                            + ", Alibaba IoT " + cloud.aliyunIot().url());
            }
            JdbcDataSource database = database();
            main.setOverrideProperties(properties);
            main.bind("fleetDb", database);
            main.addMainListener(new HttpServer(settings.httpPort()));
            main.start();
            CamelContext context = main.getCamelContext();
            if (settings.setup()) {
                Properties ids = new FleetSetup(context.createProducerTemplate(), settings).provision();
                properties.putAll(ids);
                context.getPropertiesComponent().setOverrideProperties(properties);
                out.println("Provisioned product " + ids.getProperty("fleet.tencent.productId") + ", "
                            + settings.deviceNames().size() + " devices, 2 topic rules, TDMQ instance "
                            + ids.getProperty("fleet.trocket.instanceId"));
            }
            context.addRoutes(new FleetRoutes(counters));
            progress.scheduleAtFixedRate(() -> out.println(counters.snapshot().progressLine()), 2, 2, TimeUnit.SECONDS);
            if (cloud != null) {
                drive(new FleetSimulation(cloud, properties.getProperty("fleet.tencent.productId"), settings.deviceNames()));
            } else {
                Thread.sleep(settings.duration().toMillis());
            }
            FleetCounters.Summary summary = counters.snapshot();
            out.println("Readings in the database: " + countReadings(database));
            out.println(summary.table());
            return summary;
        } finally {
            progress.shutdownNow();
            main.stop();
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    /** Sends the simulated fleet's readings, then waits until the routes have dealt with every one. */
    private void drive(FleetSimulation fleet) throws InterruptedException {
        for (int round = 0; round < settings.readingsPerDevice(); round++) {
            fleet.round(round);
            Thread.sleep(settings.period().toMillis());
        }
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while ((counters.receivedCount() < fleet.sent() || !counters.settled()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // the last windows complete on their timeout
        Thread.sleep(Long.parseLong(settings.get("fleet.windowTimeout", "2000")) + 500);
    }

    private static JdbcDataSource database() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:fleet;DB_CLOSE_DELAY=-1");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS readings (id IDENTITY PRIMARY KEY, device VARCHAR(64), "
                              + "location VARCHAR(64), temperature DOUBLE, humidity DOUBLE, at BIGINT)");
        }
        return database;
    }

    private static long countReadings(JdbcDataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM readings")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Serves the forward consumer's path with Vert.x, through Camel's platform-http SPI. */
    private static final class HttpServer extends MainListenerSupport {

        private final int port;

        HttpServer(int port) {
            this.port = port;
        }

        @Override
        public void beforeConfigure(BaseMainSupport main) {
            VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
            configuration.setBindHost("127.0.0.1");
            configuration.setPort(port);
            try {
                main.getCamelContext().addService(new VertxPlatformHttpServer(configuration));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot add the HTTP server", e);
            }
        }
    }
}
