package io.github.cameliot.examples.telemetry;

import java.io.PrintStream;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.github.cameliot.aliyun.iot.AliyunIotConstants;
import io.github.cameliot.emulator.CloudEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * Runs the Alibaba IoT telemetry example: against the embedded cloud (the default), which it starts, provisions and
 * fills with simulated meters; or against the real IoT Platform ({@code -Dtelemetry.emulator=false} and the component
 * options), with devices registered there, listening for {@code telemetry.timeout}. After the first readings every
 * device is asked for its status (RRpc) and sent a command (Pub). Prints what happens and a summary; exits 0 when
 * every device answered and acknowledged.
 */
public final class TelemetryApp {

    private final Settings settings;
    private final PrintStream out;

    TelemetryApp(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.load(System.getProperties());
        Tally.Summary summary = new TelemetryApp(settings, System.out).run();
        int devices = settings.deviceNames().size();
        System.exit(summary.rrpcAnswered() == devices && summary.acknowledged() == devices ? 0 : 1);
    }

    /** Runs the example to its end and answers the summary it printed. */
    Tally.Summary run() throws Exception {
        List<String> names = settings.deviceNames();
        Tally tally = new Tally();
        CloudEmulator cloud = settings.emulator() ? CloudEmulator.start() : null;
        Main main = new Main();
        try {
            Properties properties = new Properties();
            properties.putAll(settings.properties());
            if (cloud != null) {
                properties.putAll(cloud.componentProperties("aliyun-iot"));
                properties.setProperty("camel.component.aliyun-iot.amqpEndpoint", cloud.aliyunIot().amqpUrl());
                out.println("Embedded cloud started: IoT Platform at " + cloud.aliyunIot().url()
                            + ", AMQP subscription at " + cloud.aliyunIot().amqpUrl());
            }
            main.setOverrideProperties(properties);
            main.start();
            CamelContext context = main.getCamelContext();
            if (settings.setup()) {
                String productKey = new TelemetrySetup(context.createProducerTemplate())
                        .provision(settings.get("telemetry.productName"), names);
                properties.setProperty("telemetry.productKey", productKey);
                context.getPropertiesComponent().setOverrideProperties(properties);
                out.println("Created product " + productKey + " and registered " + names);
            }
            context.addRoutes(new TelemetryRoutes(tally));

            if (cloud != null) {
                String productKey = properties.getProperty("telemetry.productKey");
                SimulatedMeters meters = new SimulatedMeters(cloud, productKey, names);
                drive(meters, context, tally);
            } else {
                commandAll(context.createProducerTemplate(), names);
                await(() -> false);
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

    /** The simulated meters' rounds of readings, with the requests and commands after the first. */
    private void drive(SimulatedMeters meters, CamelContext context, Tally tally) throws InterruptedException {
        int devices = settings.deviceNames().size();
        meters.connect();
        for (int round = 1; round <= settings.readings(); round++) {
            meters.round(round);
            if (round == 1) {
                commandAll(context.createProducerTemplate(), settings.deviceNames());
            }
            Thread.sleep(settings.period().toMillis());
        }
        long readings = (long) devices * settings.readings();
        await(() -> tally.summary().readings() >= readings && tally.summary().acknowledged() >= devices);
    }

    private static void commandAll(ProducerTemplate template, List<String> names) {
        for (String name : names) {
            template.sendBodyAndHeader("direct:ask", null, AliyunIotConstants.DEVICE_NAME, name);
            template.sendBodyAndHeader("direct:command", null, AliyunIotConstants.DEVICE_NAME, name);
        }
    }

    /** Waits until the condition holds, at most {@code telemetry.timeout}; the summary shows what was reached. */
    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
