package io.github.cameliot.emulator.tencent.iothub;

import io.github.cameliot.emulator.http.ApiError;

/** The IoT Hub error codes the emulated state answers with, spelled as the API documents them. */
final class IotHubErrors {

    private IotHubErrors() {
    }

    static ApiError productNotExist(String productId) {
        return new ApiError("ResourceNotFound.ProductNotExist", "The product " + productId + " does not exist.");
    }

    static ApiError deviceNotExist(String productId, String deviceName) {
        return new ApiError("ResourceNotFound.DeviceNotExist", "The device " + productId + "/" + deviceName
                + " does not exist.");
    }

    /** What the shadow and message actions answer for an unknown product or device. */
    static ApiError productOrDeviceNotExist(String productId, String deviceName) {
        return new ApiError("ResourceNotFound.ProductOrDeviceNotExist", "The product or device " + productId + "/"
                + deviceName + " does not exist.");
    }

    static ApiError shadowNotExist(String productId, String deviceName) {
        return new ApiError("ResourceNotFound.DeviceShadowNotExist", "The device " + productId + "/" + deviceName
                + " has no shadow.");
    }

    static ApiError ruleNotExist(String ruleName) {
        return new ApiError("ResourceNotFound.TopicRuleNotExist", "The topic rule " + ruleName + " does not exist.");
    }

    static ApiError invalid(String message) {
        return new ApiError("InvalidParameterValue", message);
    }

    static ApiError invalid(String subCode, String message) {
        return new ApiError("InvalidParameterValue." + subCode, message);
    }

    static ApiError failed(String subCode, String message) {
        return new ApiError("FailedOperation." + subCode, message);
    }

    static ApiError unauthorized(String subCode, String message) {
        return new ApiError("UnauthorizedOperation." + subCode, message);
    }
}
