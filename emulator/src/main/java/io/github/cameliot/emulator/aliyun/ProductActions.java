package io.github.cameliot.emulator.aliyun;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/** CreateProduct, QueryProduct, QueryProductList, UpdateProduct and DeleteProduct, on the account's products. */
final class ProductActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The network types CreateProduct names, and the codes QueryProduct answers for them. */
    private static final Map<String, Integer> NET_TYPES = Map.of("WIFI", 3, "CELLULAR", 6, "ETHERNET", 7,
            "OTHER", 8);

    private final IotPlatform platform;

    ProductActions(IotPlatform platform) {
        this.platform = platform;
    }

    void register(ApiServer server) {
        server.handle("CreateProduct", this::create)
                .handle("QueryProduct", this::query)
                .handle("QueryProductList", this::list)
                .handle("UpdateProduct", this::update)
                .handle("DeleteProduct", this::delete);
    }

    private ObjectNode create(ApiCall call) {
        String name = call.text("ProductName");
        int length = name.codePoints().map(c -> c > 0x7f ? 2 : 1).sum();
        if (!name.matches("[\\p{IsHan}A-Za-z0-9_]+") || length < 4 || length > 30) {
            throw new ApiError("iot.prod.InvalidFormattedProductName", "The product name is 4 to 30 characters of "
                    + "Chinese, letters, digits and _ (a Chinese character counts as two).");
        }
        int nodeType = Params.integer(call, "NodeType", -1);
        if (nodeType != 0 && nodeType != 1) {
            throw new ApiError("iot.prod.InvalidNodeType", "NodeType is 0 (a device) or 1 (a gateway).");
        }
        String commodityCode = call.text("AliyunCommodityCode") == null ? "iothub" : call.text("AliyunCommodityCode");
        if (!commodityCode.equals("iothub") && !commodityCode.equals("iothub_senior")) {
            throw new ApiError("iot.prod.InvalidAliyunCommodityCode", "AliyunCommodityCode is iothub_senior or "
                    + "iothub.");
        }
        String description = call.text("Description");
        if (description != null && description.length() > 100) {
            throw new ApiError("iot.prod.LongProductDesc", "The description is longer than 100 characters.");
        }
        boolean senior = commodityCode.equals("iothub_senior");
        int dataFormat = Params.integer(call, "DataFormat", senior ? 1 : 0);
        String netType = call.text("NetType") == null ? "WIFI" : call.text("NetType");
        Product product = platform.addProduct(name, nodeType, dataFormat, commodityCode, description,
                call.text("ProtocolType"), NET_TYPES.getOrDefault(netType, 3), "true".equals(call.text("Id2")));
        ObjectNode output = MAPPER.createObjectNode();
        ObjectNode data = output.putObject("Data");
        data.put("ProductKey", product.productKey);
        data.put("ProductName", product.productName);
        data.put("NodeType", product.nodeType);
        data.put("AliyunCommodityCode", product.aliyunCommodityCode);
        if (senior) {
            data.put("DataFormat", product.dataFormat);
        }
        if (description != null) {
            data.put("Description", description);
        }
        if (product.protocolType != null) {
            data.put("ProtocolType", product.protocolType);
        }
        output.put("ProductKey", product.productKey);
        return output;
    }

    private ObjectNode query(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            ObjectNode output = MAPPER.createObjectNode();
            output.set("Data", product.detail(platform.deviceCount(product.productKey)));
            return output;
        }
    }

    private ObjectNode list(ApiCall call) {
        Params.Page page = Params.page(call, "CurrentPage", 200);
        synchronized (platform) {
            List<Product> all = platform.products();
            ObjectNode output = MAPPER.createObjectNode();
            ObjectNode data = output.putObject("Data");
            data.put("CurrentPage", page.number());
            data.put("PageSize", page.size());
            data.put("PageCount", page.count(all.size()));
            data.put("Total", all.size());
            ArrayNode items = data.putObject("List").putArray("ProductInfo");
            for (Product product : page.of(all)) {
                items.add(product.summary(platform.deviceCount(product.productKey)));
            }
            return output;
        }
    }

    private ObjectNode update(ApiCall call) {
        synchronized (platform) {
            Product product = platform.product(call.text("ProductKey"));
            String name = call.text("ProductName");
            if (!name.equals(product.productName)
                    && platform.products().stream().anyMatch(other -> other.productName.equals(name))) {
                throw new ApiError("iot.prod.AlreadyExistedProductName", "The product name " + name
                        + " already exists.");
            }
            product.productName = name;
            if (call.text("Description") != null) {
                product.description = call.text("Description");
            }
            return MAPPER.createObjectNode();
        }
    }

    private ObjectNode delete(ApiCall call) {
        platform.removeProduct(call.text("ProductKey"));
        return MAPPER.createObjectNode();
    }
}
