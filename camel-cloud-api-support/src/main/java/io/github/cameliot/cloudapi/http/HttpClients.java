package io.github.cameliot.cloudapi.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp clients of the suite. A component creates one {@link #newShared() shared} client, and every
 * endpoint derives its own from it with {@link #derive}: they differ in timeouts and proxy but share one connection
 * pool and one dispatcher, so connections are reused across endpoints and calls in flight are bounded in one place.
 */
public final class HttpClients {

    /** Calls in flight across all hosts: far above OkHttp's default of 64, which would cap a busy route. */
    private static final int MAX_REQUESTS = 512;
    /**
     * Idle connections are closed before a typical server-side keep-alive ends. OkHttp's own retry on a dropped
     * connection is off: it would send a request again even when the server had read it, which
     * {@link io.github.cameliot.cloudapi.RetryPolicy} allows only for idempotent actions.
     */
    private static final long KEEP_ALIVE_SECONDS = 30;
    /** As many idle connections as a component's default calls in flight, so a busy route does not reconnect. */
    private static final int MAX_IDLE_CONNECTIONS = 64;

    private HttpClients() {
    }

    public static OkHttpClient newShared() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .build();
    }

    /**
     * A client with these options that shares the pool and dispatcher of {@code shared}. The dispatcher's per-host
     * limit is raised to the largest any endpoint asks for.
     */
    public static OkHttpClient derive(OkHttpClient shared, HttpOptions options) {
        raiseMaxRequestsPerHost(shared.dispatcher(), options.maxRequestsPerHost());
        OkHttpClient.Builder builder = shared.newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout());
        if (options.proxyHost() != null && !options.proxyHost().isEmpty()) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(options.proxyHost(), options.proxyPort())));
            if (options.proxyUsername() != null) {
                String credential = Credentials.basic(options.proxyUsername(),
                        options.proxyPassword() == null ? "" : options.proxyPassword());
                builder.proxyAuthenticator((route, response) -> response.request().newBuilder()
                        .header("Proxy-Authorization", credential).build());
            }
        }
        return builder.build();
    }

    /** Synchronized on the class: OkHttp forbids holding the dispatcher's own lock while changing it. */
    private static synchronized void raiseMaxRequestsPerHost(Dispatcher dispatcher, int maxRequestsPerHost) {
        if (dispatcher.getMaxRequestsPerHost() < maxRequestsPerHost) {
            dispatcher.setMaxRequestsPerHost(maxRequestsPerHost);
        }
    }
}
