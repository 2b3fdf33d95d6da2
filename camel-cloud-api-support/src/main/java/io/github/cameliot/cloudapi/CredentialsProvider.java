package io.github.cameliot.cloudapi;

/**
 * Where a client gets its credentials for each call. An implementation that refreshes temporary credentials
 * (STS) returns the current ones; the client asks before every signature.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * @throws IllegalStateException when no credentials can be found, with a message saying where it looked
     */
    CloudCredentials credentials();
}
