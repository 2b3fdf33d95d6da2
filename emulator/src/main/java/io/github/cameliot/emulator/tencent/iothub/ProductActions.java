package io.github.cameliot.emulator.tencent.iothub;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The product actions that keep state: creating, describing, listing, deleting and forbidding products, their
 * dynamic registration settings and topic policies.
 */
final class ProductActions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IotHubState state;

    ProductActions(IotHubState state) {
        this.state = state;
    }

    void register(ApiServer server) {
        server.handle("CreateProduct", call -> state.locked(() -> create(call)));
        server.handle("DescribeProduct", call -> state.locked(() -> describe(call)));
        server.handle("DescribeProducts", call -> state.locked(() -> list(call)));
        server.handle("DeleteProduct", call -> state.locked(() -> delete(call)));
        server.handle("SetProductsForbiddenStatus", call -> state.locked(() -> forbid(call)));
        server.handle("UpdateProductDynamicRegister", call -> state.locked(() -> dynamicRegister(call)));
        server.handle("CreateTopicPolicy", call -> state.locked(() -> createTopicPolicy(call)));
        server.handle("UpdateTopicPolicy", call -> state.locked(() -> updateTopicPolicy(call)));
    }

    /** Creates a product with a given id: what CreateProduct does, for tests that need a known id. */
    Product add(String productId, String productName, ObjectNode properties) {
        for (Product existing : state.products.values()) {
            if (existing.name.equals(productName)) {
                throw IotHubErrors.invalid("ProductAlreadyExist", "A product named " + productName + " exists.");
            }
        }
        if (state.products.containsKey(productId)) {
            throw IotHubErrors.invalid("ProductAlreadyExist", "The product " + productId + " exists.");
        }
        ObjectNode defaults = JSON.objectNode();
        defaults.put("ProductDescription", "");
        defaults.put("EncryptionType", "1");
        defaults.put("Region", "gz");
        defaults.put("ProductType", 0);
        defaults.put("Format", "json");
        defaults.put("Platform", "DEFAULT");
        defaults.put("AppEUI", "");
        if (properties != null) {
            defaults.setAll(properties);
        }
        Product product = new Product(productId, productName, defaults, state.nowMillis());
        state.products.put(productId, product);
        return product;
    }

    private ObjectNode create(ApiCall call) {
        String name = call.text("ProductName");
        if (!name.matches("[a-zA-Z0-9:_-]{1,32}")) {
            throw IotHubErrors.invalid("ProductName " + name + " is not 1-32 letters, digits, ':', '_' or '-'.");
        }
        JsonNode properties = call.params().get("ProductProperties");
        Product product = add(state.newProductId(), name, properties instanceof ObjectNode object ? object : null);
        ObjectNode output = JSON.objectNode();
        output.put("ProductId", product.id);
        output.put("ProductName", product.name);
        output.set("ProductProperties", product.properties.deepCopy());
        return output;
    }

    private ObjectNode describe(ApiCall call) {
        return info(state.product(call.text("ProductId")));
    }

    private ObjectNode list(ApiCall call) {
        List<Product> all = new ArrayList<>(state.products.values());
        ObjectNode output = JSON.objectNode();
        output.put("TotalCount", all.size());
        Pages.page(call, all, 10, 250).forEach(product -> output.withArray("Products").add(info(product)));
        output.withArray("Products");
        return output;
    }

    private ObjectNode delete(ApiCall call) {
        Product product = state.product(call.text("ProductId"));
        if (!product.devices.isEmpty()) {
            throw IotHubErrors.unauthorized("DevicesExistUnderProduct", "The product " + product.id + " has "
                    + product.devices.size() + " devices; delete them first.");
        }
        state.products.remove(product.id);
        return JSON.objectNode();
    }

    private ObjectNode forbid(ApiCall call) {
        int status = call.params().path("Status").asInt(-1);
        if (status != 0 && status != 1) {
            throw IotHubErrors.invalid("Status must be 0 (enable) or 1 (forbid).");
        }
        List<Product> products = new ArrayList<>();
        JsonNode ids = call.params().path("ProductId");
        for (JsonNode id : ids.isArray() ? ids : JSON.arrayNode().add(ids)) {
            products.add(state.product(id.asText()));
        }
        products.forEach(product -> {
            product.forbidden = status == 1;
            product.properties.put("ForbiddenStatus", status);
            if (product.forbidden) {
                // the broker closes the connections of a forbidden product's devices
                product.devices.values().forEach(device -> device.disconnect(state.nowSeconds()));
            }
        });
        return JSON.objectNode();
    }

    private ObjectNode dynamicRegister(ApiCall call) {
        Product product = state.product(call.text("ProductId"));
        if (product.forbidden) {
            throw IotHubErrors.unauthorized("ProductIsForbidden", "The product " + product.id + " is forbidden.");
        }
        int type = call.params().path("RegisterType").asInt(-1);
        if (type < 0 || type > 2) {
            throw IotHubErrors.invalid("RegisterType must be 0, 1 or 2.");
        }
        product.properties.put("RegisterType", type);
        product.properties.put("RegisterLimit", call.params().path("RegisterLimit").asLong());
        if (!product.properties.hasNonNull("ProductSecret")) {
            product.properties.put("ProductSecret", state.randomText(24));
        }
        ObjectNode output = JSON.objectNode();
        output.put("RegisterType", type);
        output.put("ProductSecret", product.properties.get("ProductSecret").asText());
        output.put("RegisterLimit", product.properties.get("RegisterLimit").asLong());
        return output;
    }

    private ObjectNode createTopicPolicy(ApiCall call) {
        Product product = state.product(call.text("ProductId"));
        String topic = call.text("TopicName");
        if (product.topicPolicies.containsKey(topic)) {
            throw IotHubErrors.invalid("TopicPolicyAlreadyExist", "The topic " + topic + " exists.");
        }
        product.topicPolicies.put(topic, privilege(call));
        return JSON.objectNode();
    }

    private ObjectNode updateTopicPolicy(ApiCall call) {
        Product product = state.product(call.text("ProductId"));
        String topic = call.text("TopicName");
        String newTopic = call.text("NewTopicName");
        if (!product.topicPolicies.containsKey(topic)) {
            throw new ApiError("ResourceNotFound.TopicPolicyNotExist",
                    "The topic " + topic + " does not exist.");
        }
        if (!newTopic.equals(topic) && product.topicPolicies.containsKey(newTopic)) {
            throw IotHubErrors.invalid("TopicPolicyAlreadyExist", "The topic " + newTopic + " exists.");
        }
        int privilege = privilege(call);
        product.topicPolicies.remove(topic);
        product.topicPolicies.put(newTopic, privilege);
        return JSON.objectNode();
    }

    private static int privilege(ApiCall call) {
        int privilege = call.params().path("Privilege").asInt(0);
        if (privilege < 1 || privilege > 3) {
            throw IotHubErrors.invalid("Privilege must be 1 (publish), 2 (subscribe) or 3 (both).");
        }
        return privilege;
    }

    private static ObjectNode info(Product product) {
        ObjectNode info = JSON.objectNode();
        info.put("ProductId", product.id);
        info.put("ProductName", product.name);
        info.putObject("ProductMetadata").put("CreationDate", product.creationMillis / 1000);
        info.set("ProductProperties", product.properties.deepCopy());
        return info;
    }
}
