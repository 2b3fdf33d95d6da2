package io.github.cameliot.examples.explorer;

import java.util.Map;

import io.github.cameliot.tencent.iot.explorer.TencentIotExplorerConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Controls the user's devices and receives their changes. {@code direct:control} sets a device's properties with
 * AppControlDeviceData (the body is the property map; the component logs the user in first, with its
 * {@code loginAction}); the push consumer receives over IoT Explorer's long connection what the devices then do: the
 * control they were sent, the properties they report, their going on- and offline. The endpoints carry no keys and no
 * address: those are the component's options, from {@code application.properties} (or the embedded cloud).
 */
final class ExplorerRoutes extends RouteBuilder {

    static final String LOG = "explorer";

    private final Tally tally;

    ExplorerRoutes(Tally tally) {
        this.tally = tally;
    }

    @Override
    public void configure() {
        from("tencent-iot-explorer:push?deviceIds={{explorer.deviceIds}}").routeId("push")
                .convertBodyTo(String.class)
                .log(LoggingLevel.INFO, LOG, "${header.CamelTencentIotExplorerDeviceId} pushed "
                        + "${header.CamelTencentIotExplorerPushType}/${header.CamelTencentIotExplorerPushSubType}"
                        + " ${body}")
                .process(exchange -> tally.pushed(
                        exchange.getMessage().getHeader(TencentIotExplorerConstants.PUSH_TYPE, String.class),
                        exchange.getMessage().getHeader(TencentIotExplorerConstants.PUSH_SUB_TYPE, String.class)));

        from("direct:control").routeId("control")
                .process(exchange -> exchange.getMessage().setBody(Map.of("power_switch", 1, "brightness", Integer
                        .parseInt(exchange.getContext().resolvePropertyPlaceholders("{{explorer.brightness}}")))))
                .to("tencent-iot-explorer:AppControlDeviceData?productId={{explorer.productId}}")
                .process(exchange -> tally.controlled())
                .log(LoggingLevel.INFO, LOG, "${header.CamelTencentIotExplorerDeviceName}: switched on at brightness "
                                             + "{{explorer.brightness}}");
    }
}
