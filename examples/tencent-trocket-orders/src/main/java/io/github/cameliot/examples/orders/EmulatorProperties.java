package io.github.cameliot.examples.orders;

import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulator;

/**
 * The component options that point the routes at the embedded cloud: its TDMQ API address in the endpoint override
 * and its account's keys. The topic endpoints need nothing more: they find the instance's access point and the role's
 * keys through that API. Against the real TDMQ these are the options one sets instead (without the endpoint).
 */
final class EmulatorProperties {

    private EmulatorProperties() {
    }

    static Properties of(CloudEmulator cloud) {
        Properties properties = new Properties();
        properties.setProperty("camel.component.tencent-trocket.endpoint", cloud.trocket().url().toString());
        properties.setProperty("camel.component.tencent-trocket.secretId", cloud.credentials().tencentSecretId());
        properties.setProperty("camel.component.tencent-trocket.secretKey", cloud.credentials().tencentSecretKey());
        return properties;
    }
}
