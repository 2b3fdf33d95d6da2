package io.github.cameliot.examples.devices;

import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.github.cameliot.emulator.CloudEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Runs the IoT Hub devices example: against the embedded cloud (the default), which it starts, provisions and fills
 * with simulated lamps; or against the real IoT Hub ({@code -Ddevices.emulator=false} and the component options),
 * with devices that exist there. Prints what the routes see and a summary; exits 0 when every device ended in sync.
 */
public final class DevicesApp {

    private final Settings settings;
    private final PrintStream out;

    DevicesApp(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Tally.Summary summary = new DevicesApp(Settings.load(System.getProperties()), System.out).run();
        System.exit(summary.inSync() == summary.devices() ? 0 : 1);
    }

    /** Runs the example to its end and answers the summary it printed. */
    Tally.Summary run() throws Exception {
        List<String> names = settings.deviceNames();
        Tally tally = new Tally(settings.get("devices.brightness"), settings.get("devices.color"));
        CloudEmulator cloud = settings.emulator() ? CloudEmulator.start() : null;
        Main main = new Main();
        try {
            Properties properties = new Properties();
            properties.putAll(settings.properties());
            if (cloud != null) {
                properties.putAll(cloud.componentProperties("tencent-iot"));
                out.println("Embedded cloud started: IoT Hub at " + cloud.iotHub().url());
            }
            main.setOverrideProperties(properties);
            main.start();
            CamelContext context = main.getCamelContext();
            if (settings.setup()) {
                String productId = new DevicesSetup(context.createProducerTemplate())
                        .provision(settings.get("devices.productName"), names);
                properties.setProperty("devices.productId", productId);
                out.println("Created product " + productId + " with devices " + names);
            }
            properties.setProperty("devices.names", String.join(",", names));
            context.getPropertiesComponent().setOverrideProperties(properties);
            context.addRoutes(new DeviceRoutes(tally));

            // the lamps are switched on once the devices consumer knows them, so that it sees them come online
            await(() -> tally.listedCount() >= names.size());
            if (cloud != null) {
                new SimulatedLamps(cloud, properties.getProperty("devices.productId"), names).switchOn();
            }
            await(() -> tally.inSyncCount() >= names.size());
            Tally.Summary summary = tally.summary(names.size());
            out.println(summary.table());
            return summary;
        } finally {
            main.stop();
            if (cloud != null) {
                cloud.close();
            }
        }
    }

    /** Waits until the condition holds, at most {@code devices.timeout}; the summary shows what was reached. */
    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
