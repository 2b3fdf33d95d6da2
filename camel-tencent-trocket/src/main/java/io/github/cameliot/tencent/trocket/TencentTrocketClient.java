package io.github.cameliot.tencent.trocket;

import java.util.concurrent.ScheduledExecutorService;

import io.github.cameliot.cloudapi.CloudApiClient;
import io.github.cameliot.cloudapi.CloudProtocol;
import io.github.cameliot.cloudapi.RateLimiters;
import io.github.cameliot.cloudapi.RetryPolicy;
import okhttp3.OkHttpClient;

/**
 * A client of the TDMQ RocketMQ management API for one account and region. Its own type, so that a bean of it in the
 * registry is autowired into {@code tencent-trocket} endpoints and never mistaken for a client of another product.
 */
public class TencentTrocketClient extends CloudApiClient {

    public TencentTrocketClient(OkHttpClient http, CloudProtocol protocol, RetryPolicy retryPolicy, RateLimiters rateLimiters,
                                ScheduledExecutorService scheduler) {
        super(http, protocol, retryPolicy, rateLimiters, scheduler);
    }
}
