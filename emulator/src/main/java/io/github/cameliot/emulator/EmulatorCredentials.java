package io.github.cameliot.emulator;

/**
 * The keys of the emulated accounts: requests signed with other keys are refused with the cloud's error code.
 * They are not secrets of any real account; the defaults are documented so that examples work out of the box.
 *
 * @param tencentSecretId       the SecretId of the Tencent Cloud account (IoT Hub and TDMQ RocketMQ APIs)
 * @param tencentSecretKey      its SecretKey
 * @param aliyunAccessKeyId     the AccessKey id of the Alibaba Cloud account
 * @param aliyunAccessKeySecret its AccessKey secret
 * @param explorerAppKey        the AppKey of the IoT Explorer application
 * @param explorerAppSecret     its AppSecret
 */
public record EmulatorCredentials(
        String tencentSecretId, String tencentSecretKey,
        String aliyunAccessKeyId, String aliyunAccessKeySecret,
        String explorerAppKey, String explorerAppSecret) {

    /** The keys every emulator accepts unless told otherwise. */
    public static EmulatorCredentials defaults() {
        return new EmulatorCredentials(
                "AKIDcameliotEmulator", "cameliot-emulator-tencent-secret",
                "LTAIcameliotEmulator", "cameliot-emulator-aliyun-secret",
                "cameliotEmulatorAppKey", "cameliot-emulator-app-secret");
    }
}
