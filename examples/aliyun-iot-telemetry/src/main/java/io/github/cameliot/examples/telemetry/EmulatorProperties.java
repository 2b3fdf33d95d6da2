package io.github.cameliot.examples.telemetry;

import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulator;

/**
 * The component options that point the routes at the embedded cloud: its IoT Platform API and AMQP subscription
 * addresses in the endpoint overrides (the subscription's broker starts here), and its account's AccessKey. Against
 * the real IoT Platform these are the options one sets instead: the keys, and {@code accountId} for the AMQP address.
 */
final class EmulatorProperties {

    private EmulatorProperties() {
    }

    static Properties of(CloudEmulator cloud) {
        Properties properties = new Properties();
        properties.setProperty("camel.component.aliyun-iot.endpoint", cloud.aliyunIot().url().toString());
        properties.setProperty("camel.component.aliyun-iot.amqpEndpoint", cloud.aliyunIot().amqpUrl());
        properties.setProperty("camel.component.aliyun-iot.accessKeyId", cloud.credentials().aliyunAccessKeyId());
        properties.setProperty("camel.component.aliyun-iot.accessKeySecret",
                cloud.credentials().aliyunAccessKeySecret());
        return properties;
    }
}
