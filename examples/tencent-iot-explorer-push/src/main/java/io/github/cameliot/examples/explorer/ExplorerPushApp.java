package io.github.cameliot.examples.explorer;

import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.tencent.iot.explorer.TencentIotExplorerConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Runs the IoT Explorer example: against the embedded cloud (the default), which it starts and fills with simulated
 * lamps that the user binds into a new family; or against the real IoT Explorer ({@code -Dexplorer.emulator=false} and
 * the component options), with devices already bound to the user. Each device is switched on, and its changes come
 * back over the long connection. Prints what happens and a summary; exits 0 when every device reported its new state.
 */
public final class ExplorerPushApp {

    private final Settings settings;
    private final PrintStream out;

    ExplorerPushApp(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Tally.Summary summary = new ExplorerPushApp(Settings.load(System.getProperties()), System.out).run();
        System.exit(summary.controls() == summary.devices() && summary.propertyReports() >= summary.devices() ? 0 : 1);
    }

    /** Runs the example to its end and answers the summary it printed. */
    Tally.Summary run() throws Exception {
        List<String> names = settings.deviceNames();
        String productId = settings.get("explorer.productId");
        Tally tally = new Tally();
        CloudEmulator cloud = settings.emulator() ? CloudEmulator.start() : null;
        Main main = new Main();
        try {
            Properties properties = new Properties();
            properties.putAll(settings.properties());
            SimulatedLamps lamps = null;
            if (cloud != null) {
                properties.putAll(cloud.componentProperties("tencent-iot-explorer"));
                out.println("Embedded cloud started: IoT Explorer at " + cloud.explorer().url());
                lamps = new SimulatedLamps(cloud, productId, names);
            }
            main.setOverrideProperties(properties);
            main.start();
            CamelContext context = main.getCamelContext();
            if (lamps != null) {
                // binding needs a device that takes the provisioning token: against the real cloud, bind in the app
                String familyId = new FamilySetup(context.createProducerTemplate())
                        .bind(settings, productId, names, lamps::provision);
                out.println("Logged in, created family " + familyId + " and bound " + names);
            }
            properties.setProperty("explorer.deviceIds",
                    names.stream().map(name -> productId + "/" + name).collect(Collectors.joining(",")));
            context.getPropertiesComponent().setOverrideProperties(properties);
            context.addRoutes(new ExplorerRoutes(tally));

            // a change made before the long connection has registered the devices is not pushed: the embedded cloud
            // tells when they are registered; the real one is given a moment
            if (lamps != null) {
                lamps.awaitPushRegistered(names, settings.timeout());
            } else {
                Thread.sleep(2000);
            }
            ProducerTemplate template = context.createProducerTemplate();
            for (String name : names) {
                template.sendBodyAndHeader("direct:control", null, TencentIotExplorerConstants.DEVICE_NAME, name);
            }
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (tally.propertyReports() < names.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
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
}
