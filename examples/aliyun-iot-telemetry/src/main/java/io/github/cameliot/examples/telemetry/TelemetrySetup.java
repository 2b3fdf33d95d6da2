package io.github.cameliot.examples.telemetry;

import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;

/**
 * Creates the product and registers its devices through the aliyun-iot producer, as one would once in a new account,
 * and answers the ProductKey.
 */
final class TelemetrySetup {

    private final ProducerTemplate template;

    TelemetrySetup(ProducerTemplate template) {
        this.template = template;
    }

    String provision(String productName, List<String> deviceNames) {
        // NodeType 0: a directly connected device; DataFormat 1: the device sends Alink JSON
        Map<?, ?> product = template.requestBody("aliyun-iot:CreateProduct", Map.of("ProductName", productName,
                "NodeType", 0, "DataFormat", 1), Map.class);
        Object productKey = product.get("ProductKey");
        if (productKey == null && product.get("Data") instanceof Map<?, ?> data) {
            productKey = data.get("ProductKey");
        }
        for (String device : deviceNames) {
            template.requestBody("aliyun-iot:RegisterDevice", Map.of("ProductKey", productKey, "DeviceName", device));
        }
        return String.valueOf(productKey);
    }
}
