package io.github.cameliot.cloudapi;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link RateLimiter} per action, at the action's documented quota. Share one instance among all the clients
 * that call as the same account, since the clouds count quotas per account and action.
 */
public final class RateLimiters {

    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimiter forAction(ActionSpec spec) {
        return limiters.computeIfAbsent(spec.name(), name -> new RateLimiter(spec.quotaPerSecond()));
    }
}
