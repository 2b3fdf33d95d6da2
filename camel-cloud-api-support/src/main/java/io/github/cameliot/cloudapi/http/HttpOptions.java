package io.github.cameliot.cloudapi.http;

import java.time.Duration;

/**
 * The transport settings of a client.
 *
 * @param connectTimeout     how long to wait for a connection
 * @param readTimeout        how long to wait for the answer after the request was sent
 * @param proxyHost          an HTTP proxy's host, or {@code null} for a direct connection
 * @param proxyPort          the proxy's port
 * @param proxyUsername      the proxy's user, or {@code null}
 * @param proxyPassword      the proxy's password, or {@code null}
 * @param maxRequestsPerHost how many calls may be in flight to one host at once
 */
public record HttpOptions(Duration connectTimeout, Duration readTimeout, String proxyHost, int proxyPort,
                          String proxyUsername, String proxyPassword, int maxRequestsPerHost) {

    @Override
    public String toString() {
        return "HttpOptions[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + ", maxRequestsPerHost=" + maxRequestsPerHost + "]";
    }
}
