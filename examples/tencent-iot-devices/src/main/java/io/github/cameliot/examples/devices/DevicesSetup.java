package io.github.cameliot.examples.devices;

import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;

/**
 * Creates the product and its devices through the tencent-iot producer, as one would once in a new account, and
 * answers the product id.
 */
final class DevicesSetup {

    private final ProducerTemplate template;

    DevicesSetup(ProducerTemplate template) {
        this.template = template;
    }

    String provision(String productName, List<String> deviceNames) {
        Map<?, ?> product = template.requestBody("tencent-iot:CreateProduct", Map.of("ProductName", productName,
                "ProductProperties", Map.of("ProductDescription", "cameliot example", "Format", "json")), Map.class);
        String productId = String.valueOf(product.get("ProductId"));
        for (String device : deviceNames) {
            template.requestBody("tencent-iot:CreateDevice", Map.of("ProductId", productId, "DeviceName", device));
        }
        return productId;
    }
}
