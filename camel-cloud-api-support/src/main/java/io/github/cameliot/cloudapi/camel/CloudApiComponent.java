package io.github.cameliot.cloudapi.camel;

import java.util.concurrent.ScheduledExecutorService;

import io.github.cameliot.cloudapi.CloudApiClient;
import io.github.cameliot.cloudapi.CloudProtocol;
import io.github.cameliot.cloudapi.RateLimiters;
import io.github.cameliot.cloudapi.RetryPolicy;
import io.github.cameliot.cloudapi.http.HttpClients;
import okhttp3.OkHttpClient;
import org.apache.camel.support.HealthCheckComponent;

/**
 * What every cloud API component holds for all its endpoints: one connection pool and dispatcher, one scheduler for
 * quota waits and retry backoff, and one quota per action (the clouds count quotas per account and action).
 */
public abstract class CloudApiComponent extends HealthCheckComponent {

    private final RateLimiters rateLimiters = new RateLimiters();
    private OkHttpClient sharedHttpClient;
    private ScheduledExecutorService scheduler;

    /** A client built from the configuration, on this component's shared pool, scheduler and quotas. */
    public <C extends CloudApiClient> C newClient(CloudApiConfiguration configuration, CloudProtocol protocol, ClientFactory<C> factory) {
        return factory.create(HttpClients.derive(getSharedHttpClient(), configuration.httpOptions()), protocol,
                configuration.retryPolicy(), configuration.isRateLimit() ? rateLimiters : null, getScheduler());
    }

    public RateLimiters getRateLimiters() {
        return rateLimiters;
    }

    public synchronized OkHttpClient getSharedHttpClient() {
        if (sharedHttpClient == null) {
            sharedHttpClient = HttpClients.newShared();
        }
        return sharedHttpClient;
    }

    public synchronized ScheduledExecutorService getScheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    getClass().getSimpleName() + "Scheduler");
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

    /** The constructor of a component's own client type. */
    @FunctionalInterface
    public interface ClientFactory<C extends CloudApiClient> {
        C create(OkHttpClient http, CloudProtocol protocol, RetryPolicy retryPolicy,
                 RateLimiters rateLimiters, ScheduledExecutorService scheduler);
    }
}
