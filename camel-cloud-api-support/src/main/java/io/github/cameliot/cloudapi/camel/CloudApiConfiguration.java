package io.github.cameliot.cloudapi.camel;

import java.time.Duration;

import io.github.cameliot.cloudapi.RetryPolicy;
import io.github.cameliot.cloudapi.http.HttpOptions;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options every cloud API component has: client-side quotas, retries, timeouts, concurrency and the HTTP proxy.
 * A component's configuration extends it with its credentials and its product's options. The descriptions are in the
 * annotations, since the component modules' metadata is generated without this class's sources.
 */
@UriParams
public abstract class CloudApiConfiguration implements Cloneable {

    @UriParam(label = "advanced", defaultValue = "true",
              description = "Keep each action under its documented quota in any one-second window by delaying calls, so that"
                            + " a busy route slows down instead of failing with the cloud's throttling error. The quota is"
                            + " shared by all endpoints of the component.")
    private boolean rateLimit = true;
    @UriParam(label = "advanced", defaultValue = "3",
              description = "How many times a call is retried after a retryable error (throttling, internal error, connection"
                            + " failure). An action that is not idempotent is retried only when the error proves it did not"
                            + " run. 0 turns retries off.")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "200", javaType = "java.time.Duration",
              description = "The longest wait before the first retry; each further retry doubles it (with random jitter).")
    private long retryInitialDelay = 200;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "The longest wait before any retry.")
    private long retryMaxDelay = 10000;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection.")
    private long connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for the answer. Actions that wait for a device's reply (RRPC) need more than"
                            + " their own timeout.")
    private long readTimeout = 30000;
    @UriParam(label = "advanced", defaultValue = "64",
              description = "How many calls may be in flight to the API host at once; further calls queue without blocking a"
                            + " thread.")
    private int maxRequestsPerHost = 64;
    @UriParam(label = "proxy", description = "An HTTP proxy's host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The HTTP proxy's port.")
    private Integer proxyPort;
    @UriParam(label = "proxy", secret = true, description = "The HTTP proxy's user.")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true, description = "The HTTP proxy's password.")
    private String proxyPassword;

    /** The transport settings of a client built from this configuration. */
    public HttpOptions httpOptions() {
        return new HttpOptions(Duration.ofMillis(connectTimeout), Duration.ofMillis(readTimeout), proxyHost,
                proxyPort == null ? 0 : proxyPort, proxyUsername, proxyPassword, maxRequestsPerHost);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, Duration.ofMillis(retryInitialDelay), Duration.ofMillis(retryMaxDelay));
    }

    /** A shallow copy, for an endpoint to set its own options on. */
    @SuppressWarnings("unchecked")
    protected <T extends CloudApiConfiguration> T copyAs(Class<T> type) {
        try {
            return type.cast(super.clone());
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public boolean isRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(boolean rateLimit) {
        this.rateLimit = rateLimit;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxRequestsPerHost() {
        return maxRequestsPerHost;
    }

    public void setMaxRequestsPerHost(int maxRequestsPerHost) {
        this.maxRequestsPerHost = maxRequestsPerHost;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }
}
