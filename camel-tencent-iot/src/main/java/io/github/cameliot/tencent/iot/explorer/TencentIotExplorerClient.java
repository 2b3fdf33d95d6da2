package io.github.cameliot.tencent.iot.explorer;

import java.util.concurrent.ScheduledExecutorService;

import io.github.cameliot.cloudapi.CloudApiClient;
import io.github.cameliot.cloudapi.CloudProtocol;
import io.github.cameliot.cloudapi.RateLimiters;
import io.github.cameliot.cloudapi.RetryPolicy;
import okhttp3.OkHttpClient;

/**
 * A client of the IoT Explorer application API for one application. Its own type, so that a bean of it in the
 * registry is autowired into {@code tencent-iot-explorer} endpoints and never mistaken for a client of another product.
 */
public class TencentIotExplorerClient extends CloudApiClient {

    public TencentIotExplorerClient(OkHttpClient http, CloudProtocol protocol, RetryPolicy retryPolicy,
                                    RateLimiters rateLimiters, ScheduledExecutorService scheduler) {
        super(http, protocol, retryPolicy, rateLimiters, scheduler);
    }
}
