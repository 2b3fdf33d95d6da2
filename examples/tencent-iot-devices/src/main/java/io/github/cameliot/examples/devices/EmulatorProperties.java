package io.github.cameliot.examples.devices;

import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulator;

/**
 * The component options that point the routes at the embedded cloud: its IoT Hub address in the endpoint override
 * and its account's keys. Against the real IoT Hub these are the options one sets instead (without the endpoint).
 */
final class EmulatorProperties {

    private EmulatorProperties() {
    }

    static Properties of(CloudEmulator cloud) {
        Properties properties = new Properties();
        properties.setProperty("camel.component.tencent-iot.endpoint", cloud.iotHub().url().toString());
        properties.setProperty("camel.component.tencent-iot.secretId", cloud.credentials().tencentSecretId());
        properties.setProperty("camel.component.tencent-iot.secretKey", cloud.credentials().tencentSecretKey());
        return properties;
    }
}
