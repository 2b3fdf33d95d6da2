package io.github.cameliot.emulator.aliyun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A product of the emulated account, as CreateProduct made it and UpdateProduct changed it. */
final class Product {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String productKey;
    final String productSecret;
    final int nodeType;
    final int dataFormat;
    final String aliyunCommodityCode;
    final String protocolType;
    final int netType;
    final boolean id2;
    final long gmtCreate;
    String productName;
    String description;

    Product(String productKey, String productSecret, String productName, int nodeType, int dataFormat,
            String aliyunCommodityCode, String description, String protocolType, int netType, boolean id2,
            long gmtCreate) {
        this.productKey = productKey;
        this.productSecret = productSecret;
        this.productName = productName;
        this.nodeType = nodeType;
        this.dataFormat = dataFormat;
        this.aliyunCommodityCode = aliyunCommodityCode;
        this.description = description;
        this.protocolType = protocolType;
        this.netType = netType;
        this.id2 = id2;
        this.gmtCreate = gmtCreate;
    }

    /** The fields QueryProduct answers in {@code Data}. */
    ObjectNode detail(int deviceCount) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("Owner", true);
        data.put("DataFormat", dataFormat);
        data.put("CategoryName", "");
        data.put("ProductStatus", "DEVELOPMENT_STATUS");
        data.put("ProductKey", productKey);
        data.put("GmtCreate", gmtCreate);
        data.put("NodeType", nodeType);
        data.put("ProductSecret", productSecret);
        data.put("ProductName", productName);
        data.put("NetType", netType);
        data.put("DeviceCount", deviceCount);
        data.put("Id2", id2);
        data.put("AliyunCommodityCode", aliyunCommodityCode);
        if (description != null) {
            data.put("Description", description);
        }
        return data;
    }

    /** The fields of one item of QueryProductList. */
    ObjectNode summary(int deviceCount) {
        ObjectNode item = MAPPER.createObjectNode();
        item.put("DataFormat", dataFormat);
        item.put("ProductKey", productKey);
        item.put("NodeType", nodeType);
        item.put("ProductName", productName);
        item.put("DeviceCount", deviceCount);
        item.put("GmtCreate", gmtCreate);
        if (description != null) {
            item.put("Description", description);
        }
        return item;
    }
}
