package io.github.cameliot.examples.fleet;

import java.util.Properties;

import io.github.cameliot.emulator.CloudEmulator;
import io.github.cameliot.emulator.EmulatorCredentials;

/**
 * The component options that point the routes at the embedded cloud: its addresses in the endpoint-override
 * options and its accounts' keys. Against the real clouds, these are the options one sets instead (without the
 * endpoints).
 */
final class EmulatorProperties {

    private EmulatorProperties() {
    }

    static Properties of(CloudEmulator cloud) {
        EmulatorCredentials keys = cloud.credentials();
        Properties properties = new Properties();
        properties.setProperty("camel.component.tencent-iot.endpoint", cloud.iotHub().url().toString());
        properties.setProperty("camel.component.tencent-iot.secretId", keys.tencentSecretId());
        properties.setProperty("camel.component.tencent-iot.secretKey", keys.tencentSecretKey());
        properties.setProperty("camel.component.tencent-trocket.endpoint", cloud.trocket().url().toString());
        properties.setProperty("camel.component.tencent-trocket.secretId", keys.tencentSecretId());
        properties.setProperty("camel.component.tencent-trocket.secretKey", keys.tencentSecretKey());
        properties.setProperty("camel.component.aliyun-iot.endpoint", cloud.aliyunIot().url().toString());
        properties.setProperty("camel.component.aliyun-iot.accessKeyId", keys.aliyunAccessKeyId());
        properties.setProperty("camel.component.aliyun-iot.accessKeySecret", keys.aliyunAccessKeySecret());
        return properties;
    }
}
