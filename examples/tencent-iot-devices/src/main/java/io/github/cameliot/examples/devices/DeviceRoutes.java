package io.github.cameliot.examples.devices;

import java.util.Map;

import io.github.cameliot.tencent.iot.TencentIotConstants;
import io.github.cameliot.tencent.iot.TencentIotDevicesConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the devices of a product and keeps them in the state the example wants. The devices consumer reports them
 * coming online; a device that is online is given a desired brightness in its shadow (UpdateDeviceShadow, the version
 * read for us with {@code shadowAutoVersion}) and a colour command on its control topic (PublishMessage). The shadow
 * consumer shows what the devices then report. The endpoints carry no keys and no address: those are the component's
 * options, from {@code application.properties} (or the embedded cloud).
 */
final class DeviceRoutes extends RouteBuilder {

    static final String LOG = "devices";

    private final Tally tally;

    DeviceRoutes(Tally tally) {
        this.tally = tally;
    }

    @Override
    public void configure() {
        String devices = "productId={{devices.productId}}&deviceNames={{devices.names}}"
                         + "&delay={{devices.pollDelay}}&initialDelay={{devices.pollDelay}}";

        from("tencent-iot:devices?" + devices).routeId("lifecycle")
                .log(LoggingLevel.INFO, LOG, "${header.CamelTencentIotDeviceName}: ${header.CamelTencentIotEventType}")
                .process(exchange -> tally.listed(deviceName(exchange)))
                .filter(DeviceRoutes::online)
                    .process(exchange -> tally.online(deviceName(exchange)))
                    .to("direct:desire", "direct:command");

        from("tencent-iot:shadow?" + devices).routeId("shadow")
                .process(exchange -> {
                    Map<?, ?> shadow = exchange.getMessage().getBody(Map.class);
                    exchange.getMessage().setHeader("reported", shadow.get("reported"));
                    exchange.getMessage().setHeader("desired", shadow.get("desired"));
                    tally.shadowChanged(deviceName(exchange), shadow);
                })
                .log(LoggingLevel.INFO, LOG, "${header.CamelTencentIotDeviceName} shadow "
                        + "v${header.CamelTencentIotShadowVersion}: reported ${header.reported}, "
                        + "desired ${header.desired}");

        from("direct:desire").routeId("desire")
                .process(exchange -> {
                    String brightness = exchange.getContext().resolvePropertyPlaceholders("{{devices.brightness}}");
                    exchange.getMessage().setBody(Map.of("State",
                            Map.of("desired", Map.of("brightness", Integer.parseInt(brightness)))));
                })
                .to("tencent-iot:UpdateDeviceShadow?productId={{devices.productId}}&shadowAutoVersion=true")
                .process(exchange -> tally.desired())
                .log(LoggingLevel.INFO, LOG, "${header.CamelTencentIotDeviceName}: desired brightness "
                                             + "{{devices.brightness}}");

        from("direct:command").routeId("command")
                .setHeader(TencentIotConstants.TOPIC,
                        simple("{{devices.productId}}/${header.CamelTencentIotDeviceName}/control"))
                .setBody(simple("{\"color\":\"{{devices.color}}\"}"))
                .to("tencent-iot:PublishMessage?productId={{devices.productId}}&qos=1")
                .process(exchange -> tally.commanded())
                .log(LoggingLevel.INFO, LOG, "${header.CamelTencentIotDeviceName}: told to turn {{devices.color}}");
    }

    /** Came online, or was online already when first listed (a restart against the real cloud). */
    private static boolean online(Exchange exchange) {
        String event = exchange.getMessage().getHeader(TencentIotConstants.EVENT_TYPE, String.class);
        return TencentIotDevicesConsumer.ONLINE.equals(event) || TencentIotDevicesConsumer.DEVICE_ADDED.equals(event)
                && "1".equals(String.valueOf(exchange.getMessage().getBody(Map.class).get("Online")));
    }

    private static String deviceName(Exchange exchange) {
        return exchange.getMessage().getHeader(TencentIotConstants.DEVICE_NAME, String.class);
    }
}
