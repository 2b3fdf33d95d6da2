package io.github.cameliot.emulator.tencent.iothub;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A product and its devices and topic policies. The {@link IotHubState} lock guards it. */
final class Product {

    final String id;
    final String name;
    final ObjectNode properties;
    final long creationMillis;
    final Map<String, Device> devices = new LinkedHashMap<>();
    /** Topic name (the part after {@code ProductId/${deviceName}/}) to privilege: 1 publish, 2 subscribe, 3 both. */
    final Map<String, Integer> topicPolicies = new LinkedHashMap<>();
    boolean forbidden;

    Product(String id, String name, ObjectNode properties, long creationMillis) {
        this.id = id;
        this.name = name;
        this.properties = properties;
        this.creationMillis = creationMillis;
    }

    /** Whether devices of this product can bind sub-devices: a LoRa gateway (3) or a normal gateway (5). */
    boolean isGateway() {
        int type = properties.path("ProductType").asInt(0);
        return type == 3 || type == 5;
    }
}
