package io.github.cameliot.cloudapi.tencent;

import okhttp3.HttpUrl;

/**
 * Where and how a Tencent Cloud API is called.
 *
 * @param service  the product, such as {@code iotcloud}: the host prefix and the signature's service
 * @param version  the API version, such as {@code 2021-04-08}
 * @param region   the region, such as {@code ap-guangzhou}; finance regions such as {@code ap-shanghai-fsi} have hosts
 *                 of their own, which the regional host name gives
 * @param endpoint a URL that replaces {@code https://<service>.<region>.tencentcloudapi.com} (a private endpoint, a
 *                 test server), or {@code null}
 * @param language {@code zh-CN} or {@code en-US} for the language of error messages, or {@code null}
 */
public record TencentApiSettings(String service, String version, String region, String endpoint, String language) {

    public TencentApiSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("The region is required for the Tencent Cloud " + service + " API");
        }
    }

    public HttpUrl url() {
        String base = endpoint != null && !endpoint.isBlank() ? endpoint : "https://" + service + "." + region + ".tencentcloudapi.com/";
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + base);
        }
        return url;
    }
}
