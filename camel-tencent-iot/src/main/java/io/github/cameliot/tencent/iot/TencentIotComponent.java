package io.github.cameliot.tencent.iot;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameliot.cloudapi.RateLimiters;
import io.github.cameliot.cloudapi.http.HttpClients;
import okhttp3.OkHttpClient;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * Calls the Tencent Cloud IoT Hub API. All endpoints of the component share one connection pool, one scheduler (for
 * quota waits and retry backoff) and one quota per action.
 */
@Component("tencent-iot")
public class TencentIotComponent extends HealthCheckComponent {

    @Metadata
    private TencentIotConfiguration configuration = new TencentIotConfiguration();

    private final RateLimiters rateLimiters = new RateLimiters();
    private OkHttpClient sharedHttpClient;
    private ScheduledExecutorService scheduler;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TencentIotEndpoint endpoint = new TencentIotEndpoint(uri, this, configuration.copy());
        endpoint.setAction(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public TencentIotConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration shared by all endpoints; each endpoint gets a copy and its own URI options on top.
     */
    public void setConfiguration(TencentIotConfiguration configuration) {
        this.configuration = configuration;
    }

    RateLimiters getRateLimiters() {
        return rateLimiters;
    }

    synchronized OkHttpClient getSharedHttpClient() {
        if (sharedHttpClient == null) {
            sharedHttpClient = HttpClients.newShared();
        }
        return sharedHttpClient;
    }

    synchronized ScheduledExecutorService getScheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "TencentIotScheduler");
        }
        return scheduler;
    }

    @Override
    protected synchronized void doShutdown() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
        }
        if (sharedHttpClient != null) {
            sharedHttpClient.dispatcher().executorService().shutdown();
            sharedHttpClient.connectionPool().evictAll();
            sharedHttpClient = null;
        }
        super.doShutdown();
    }
}
