package io.github.cameliot.examples.explorer;

import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulator;

/**
 * The component options that point the routes at the embedded cloud: its IoT Explorer API and long connection
 * addresses in the endpoint overrides, and its application's AppKey and AppSecret. Against the real IoT Explorer these
 * are the options one sets instead (the keys only).
 */
final class EmulatorProperties {

    private EmulatorProperties() {
    }

    static Properties of(CloudEmulator cloud) {
        Properties properties = new Properties();
        properties.setProperty("camel.component.tencent-iot-explorer.endpoint", cloud.explorer().url().toString());
        properties.setProperty("camel.component.tencent-iot-explorer.pushUrl", cloud.explorer().pushUrl().toString());
        properties.setProperty("camel.component.tencent-iot-explorer.appKey", cloud.credentials().explorerAppKey());
        properties.setProperty("camel.component.tencent-iot-explorer.appSecret",
                cloud.credentials().explorerAppSecret());
        return properties;
    }
}
