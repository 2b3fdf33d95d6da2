package io.github.cameliot.examples.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameliot.aliyun.iot.AliyunIotConstants;
import io.github.cameliot.tencent.iot.TencentIotConstants;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The fleet's data flow. Readings arrive two ways: IoT Hub's rule engine forwards the devices' {@code event}
 * messages over HTTP, and a second rule puts their {@code status} messages on a TDMQ RocketMQ topic. Each reading is
 * validated, enriched with the device's record, stored, and mirrored to Alibaba IoT; a window of readings per device
 * whose average temperature is over the threshold turns the device's fan on: a new desired state in its shadow and a
 * command on its control topic. The endpoints carry no keys and no addresses: those are component options, set in
 * {@code application.properties} (or by the embedded cloud).
 */
public final class FleetRoutes extends RouteBuilder {

    static final String DEVICE = "fleetDevice";

    private final FleetCounters counters;

    public FleetRoutes(FleetCounters counters) {
        this.counters = counters;
    }

    @Override
    public void configure() {
        DeviceDirectory devices = new DeviceDirectory(getContext().createProducerTemplate());
        // a reading that cannot be stored is counted and dropped; any other failure is counted and left to the
        // consumer, which has the message delivered again (IoT Hub re-posts, RocketMQ redelivers)
        onException(Reading.InvalidReadingException.class).handled(true)
                .process(exchange -> counters.failed())
                .log(LoggingLevel.WARN, "fleet", "rejected: ${exception.message}");
        onException(Exception.class)
                .process(exchange -> counters.failed())
                .log(LoggingLevel.WARN, "fleet", "${routeId} failed: ${exception.message}");

        from("tencent-iot:forward?path={{fleet.forward.path}}&token={{fleet.forward.token}}").routeId("forwarded")
                .to("direct:reading");

        from("tencent-trocket:topic:{{fleet.trocket.topic}}?instanceId={{fleet.trocket.instanceId}}"
             + "&consumerGroup={{fleet.trocket.consumerGroup}}&role={{fleet.trocket.role}}").routeId("tdmq")
                .to("direct:reading");

        from("direct:reading").routeId("reading")
                .process(exchange -> counters.received())
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .process(this::validate)
                .process(devices::enrich)
                .to("direct:store")
                .wireTap("direct:mirror")
                .aggregate(header(DEVICE), new ReadingWindow())
                    .completionSize("{{fleet.window}}").completionTimeout("{{fleet.windowTimeout}}")
                    .to("direct:evaluate");

        from("direct:store").routeId("store")
                .process(FleetRoutes::columns)
                .setBody(constant("INSERT INTO readings (device, location, temperature, humidity, at) "
                                  + "VALUES (:?device, :?location, :?temperature, :?humidity, :?at)"))
                .to("jdbc:fleetDb?useHeadersAsParameters=true")
                .process(exchange -> counters.stored())
                .setBody(exchangeProperty("reading"));

        from("direct:mirror").routeId("mirror")
                .setHeader(AliyunIotConstants.TOPIC_FULL_NAME,
                        simple("/{{fleet.aliyun.productKey}}/${header.fleetDevice}/user/telemetry"))
                .marshal().json(JsonLibrary.Jackson)
                .to("aliyun-iot:Pub?productKey={{fleet.aliyun.productKey}}&qos=0")
                .process(exchange -> counters.mirrored());

        from("direct:evaluate").routeId("evaluate")
                .filter(this::overThreshold)
                    .log(LoggingLevel.INFO, "fleet", "${header.fleetDevice} is too warm: fan on")
                    .setHeader(TencentIotConstants.DEVICE_NAME, header(DEVICE))
                    .setBody(constant(Map.of("State", Map.of("desired", Map.of("fan", "on")))))
                    .to("tencent-iot:UpdateDeviceShadow?productId={{fleet.tencent.productId}}&shadowAutoVersion=true")
                    .process(exchange -> counters.shadowUpdated())
                    .setHeader(TencentIotConstants.TOPIC, simple("{{fleet.tencent.productId}}/${header.fleetDevice}/control"))
                    .setBody(constant("{\"fan\":\"on\"}"))
                    .to("tencent-iot:PublishMessage?productId={{fleet.tencent.productId}}&qos=1")
                    .process(exchange -> counters.commandSent());
    }

    private void validate(Exchange exchange) {
        Reading reading = Reading.of(exchange.getMessage().getBody(Map.class));
        exchange.setProperty("reading", reading);
        exchange.getMessage().setHeader(DEVICE, reading.deviceName());
        exchange.getMessage().setBody(reading);
    }

    /** The reading's fields as the headers the INSERT statement names. */
    private static void columns(Exchange exchange) {
        Reading reading = exchange.getMessage().getBody(Reading.class);
        exchange.getMessage().setHeader("device", reading.deviceName());
        exchange.getMessage().setHeader("location", exchange.getMessage().getHeader(DeviceDirectory.LOCATION));
        exchange.getMessage().setHeader("temperature", reading.temperature());
        exchange.getMessage().setHeader("humidity", reading.humidity());
        exchange.getMessage().setHeader("at", reading.timestamp());
    }

    /** Whether the window's average temperature is over {@code fleet.threshold}. */
    private boolean overThreshold(Exchange exchange) {
        double threshold = Double.parseDouble(exchange.getContext().resolvePropertyPlaceholders("{{fleet.threshold}}"));
        @SuppressWarnings("unchecked")
        List<Reading> window = exchange.getMessage().getBody(List.class);
        return window.stream().mapToDouble(Reading::temperature).average().orElse(0) > threshold;
    }

    /** Collects a device's readings into a list. */
    static final class ReadingWindow implements AggregationStrategy {

        @Override
        @SuppressWarnings("unchecked")
        public Exchange aggregate(Exchange window, Exchange next) {
            Reading reading = next.getProperty("reading", Reading.class);
            if (window == null) {
                List<Reading> readings = new ArrayList<>();
                readings.add(reading);
                next.getMessage().setBody(readings);
                return next;
            }
            window.getMessage().getBody(List.class).add(reading);
            return window;
        }
    }
}
