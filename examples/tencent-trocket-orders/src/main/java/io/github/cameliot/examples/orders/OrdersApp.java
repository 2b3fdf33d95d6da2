package io.github.cameliot.examples.orders;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Runs the orders example: against the embedded cloud (the default), whose TDMQ has a real RocketMQ behind it
 * (started in a child JVM, a few seconds); or against the real TDMQ RocketMQ ({@code -Dorders.emulator=false} and the
 * component options), with an instance that exists there. Sends {@code orders.count} orders and waits until each was
 * processed. Prints what happens and a summary; exits 0 when every order was processed.
 */
public final class OrdersApp {

    private final Settings settings;
    private final PrintStream out;

    OrdersApp(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.load(System.getProperties());
        Tally.Summary summary = new OrdersApp(settings, System.out).run();
        System.exit(summary.processed() == settings.count() ? 0 : 1);
    }

    /** Runs the example to its end and answers the summary it printed. */
    Tally.Summary run() throws Exception {
        Tally tally = new Tally();
        CloudEmulator cloud = settings.emulator() ? CloudEmulator.builder().rocketMq(true).start() : null;
        Main main = new Main();
        try {
            Properties properties = new Properties();
            properties.putAll(settings.properties());
            if (cloud != null) {
                properties.putAll(cloud.componentProperties("tencent-trocket"));
                out.println("Embedded cloud started: TDMQ API at " + cloud.trocket().url() + ", RocketMQ behind it");
            }
            main.setOverrideProperties(properties);
            main.start();
            CamelContext context = main.getCamelContext();
            if (settings.setup()) {
                String instanceId = new OrdersSetup(context.createProducerTemplate()).provision(settings);
                properties.setProperty("orders.instanceId", instanceId);
                context.getPropertiesComponent().setOverrideProperties(properties);
                out.println("Created instance " + instanceId + " with topic " + settings.get("orders.topic")
                            + ", consumer group " + settings.get("orders.consumerGroup") + " and role "
                            + settings.get("orders.role"));
            }
            context.addRoutes(new OrderRoutes(tally));

            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 1; i <= settings.count(); i++) {
                String order = String.format(Locale.ROOT, "{\"orderId\":\"order-%d\",\"amount\":%d.%02d}",
                        i, 10 + i, i);
                template.sendBodyAndHeader("direct:order", order, "orderId", "order-" + i);
            }
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (tally.processedCount() < settings.count() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Tally.Summary summary = tally.summary();
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
