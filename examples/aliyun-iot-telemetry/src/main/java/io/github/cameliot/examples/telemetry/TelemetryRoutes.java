package io.github.cameliot.examples.telemetry;

import io.github.cameliot.aliyun.iot.AliyunIotConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The devices' messages in, and requests and commands out. The AMQP consumer receives what the devices send, as the
 * IoT Platform's server-side subscription delivers it to the consumer group: their telemetry, their acknowledgements
 * of commands and their going on- and offline, told apart by topic. {@code direct:ask} asks a device for its status
 * with RRpc and waits for its reply; {@code direct:command} sends a device a command with Pub. The endpoints carry no
 * keys and no address: those are the component's options, from {@code application.properties} (or the embedded cloud).
 */
final class TelemetryRoutes extends RouteBuilder {

    static final String LOG = "telemetry";

    private final Tally tally;

    TelemetryRoutes(Tally tally) {
        this.tally = tally;
    }

    @Override
    public void configure() {
        from("aliyun-iot:amqp:{{telemetry.consumerGroup}}").routeId("subscription")
                .convertBodyTo(String.class)
                .log(LoggingLevel.INFO, LOG, "${header.topic}: ${body}")
                .choice()
                    .when(header(AliyunIotConstants.AMQP_TOPIC).endsWith("/user/update"))
                        .process(exchange -> tally.reading())
                    .when(header(AliyunIotConstants.AMQP_TOPIC).endsWith("/user/ack"))
                        .process(exchange -> tally.acknowledged())
                    .when(header(AliyunIotConstants.AMQP_TOPIC).startsWith("/as/mqtt/status/"))
                        .process(exchange -> tally.status());

        from("direct:ask").routeId("ask")
                .setBody(constant("{\"method\":\"status\"}"))
                .to("aliyun-iot:RRpc?productKey={{telemetry.productKey}}&rrpcTimeout=3000")
                .convertBodyTo(String.class)
                .process(exchange -> tally.rrpc(
                        exchange.getMessage().getHeader(AliyunIotConstants.RRPC_CODE, String.class)))
                .log(LoggingLevel.INFO, LOG, "${header.CamelAliyunIotDeviceName} answered RRpc with "
                                             + "${header.CamelAliyunIotRrpcCode}: ${body}");

        from("direct:command").routeId("command")
                .setHeader(AliyunIotConstants.TOPIC_FULL_NAME,
                        simple("/{{telemetry.productKey}}/${header.CamelAliyunIotDeviceName}/user/get"))
                .setBody(simple("{\"interval\":{{telemetry.interval}}}"))
                .to("aliyun-iot:Pub?productKey={{telemetry.productKey}}&qos=1")
                .process(exchange -> tally.commanded())
                .log(LoggingLevel.INFO, LOG, "told ${header.CamelAliyunIotDeviceName} to report every "
                                             + "{{telemetry.interval}} s");
    }
}
