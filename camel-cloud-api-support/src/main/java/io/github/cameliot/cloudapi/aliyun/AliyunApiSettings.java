package io.github.cameliot.cloudapi.aliyun;

import okhttp3.HttpUrl;

/**
 * Where and how an Alibaba Cloud RPC-style API is called.
 *
 * @param product  the host prefix, such as {@code iot}
 * @param version  the API version, such as {@code 2018-01-20}
 * @param regionId the region, such as {@code cn-shanghai}; sent as {@code RegionId} and part of the host
 * @param endpoint a URL that replaces {@code https://<product>.<regionId>.aliyuncs.com/} (a private endpoint, a
 *                 test server), or {@code null}
 */
public record AliyunApiSettings(String product, String version, String regionId, String endpoint) {

    public AliyunApiSettings {
        if (regionId == null || regionId.isBlank()) {
            throw new IllegalArgumentException("The regionId is required for the Alibaba Cloud " + product + " API");
        }
    }

    public HttpUrl url() {
        String base = endpoint != null && !endpoint.isBlank() ? endpoint : "https://" + product + "." + regionId + ".aliyuncs.com/";
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + base);
        }
        return url;
    }
}
