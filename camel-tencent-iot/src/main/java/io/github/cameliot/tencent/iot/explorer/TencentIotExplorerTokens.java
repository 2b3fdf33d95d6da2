package io.github.cameliot.tencent.iot.explorer;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.FieldPath;
import io.github.cameliot.cloudapi.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's AccessToken of one endpoint: the one the application supplied, else the one the login action answered,
 * kept until its {@code ExpireAt} less a margin. Callers that find no valid token while a login is under way share
 * that login: however many calls wait, one login runs. A token the API rejects is forgotten
 * ({@link #rejected(String)}), so that the next caller logs in again. The token is never logged.
 */
final class TencentIotExplorerTokens {

    private static final Logger LOG = LoggerFactory.getLogger(TencentIotExplorerTokens.class);

    private final Supplier<CompletableFuture<ApiResult>> login;
    private final boolean canLogin;
    private final long marginMillis;
    private final LongSupplier clockMillis;

    private String token;
    private long validUntilMillis;
    private CompletableFuture<String> pending;

    /**
     * @param supplied     the token the application supplied, or {@code null}
     * @param login        runs the login action, or {@code null} when the endpoint has no login parameters
     * @param marginMillis how long before ExpireAt a token stops being used
     */
    TencentIotExplorerTokens(String supplied, Supplier<CompletableFuture<ApiResult>> login, long marginMillis,
                             LongSupplier clockMillis) {
        this.login = login;
        this.canLogin = login != null;
        this.marginMillis = marginMillis;
        this.clockMillis = clockMillis;
        if (supplied != null && !supplied.isBlank()) {
            token = supplied;
            validUntilMillis = Long.MAX_VALUE;
        }
    }

    /** Whether a rejected token can be replaced by logging in again. */
    boolean canLogin() {
        return canLogin;
    }

    /** The current valid token, logging in when there is none. */
    CompletableFuture<String> accessToken() {
        CompletableFuture<String> result;
        synchronized (this) {
            if (token != null && clockMillis.getAsLong() < validUntilMillis) {
                return CompletableFuture.completedFuture(token);
            }
            if (pending != null) {
                return pending;
            }
            if (!canLogin) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "No valid AccessToken: set accessToken, or the login parameters (login.WxOpenID=..., "
                                                                                + "login.NickName=..., login.Avatar=...)"));
            }
            result = new CompletableFuture<>();
            pending = result;
        }
        CompletableFuture<ApiResult> call;
        try {
            call = login.get();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((answer, error) -> loggedIn(result, answer, error));
        return result;
    }

    /** Forgets the token, if it is still the current one, so that the next {@link #accessToken()} logs in again. */
    synchronized void rejected(String rejected) {
        if (rejected != null && Objects.equals(rejected, token)) {
            token = null;
            validUntilMillis = 0;
            LOG.debug("The AccessToken was rejected; the next call logs in again");
        }
    }

    private void loggedIn(CompletableFuture<String> result, ApiResult answer, Throwable error) {
        String newToken = null;
        Throwable failure = error;
        if (failure == null) {
            Map<String, Object> fields = answer.fields();
            Object value = first(fields, "Data.Token", "Token", "Data.AccessToken", "AccessToken");
            if (value instanceof String text && !text.isBlank()) {
                newToken = text;
            } else {
                failure = new IllegalStateException("The login answered no Token (RequestId " + answer.requestId() + ")");
            }
        }
        synchronized (this) {
            pending = null;
            if (newToken != null) {
                token = newToken;
                Long expireAt = Json.toLong(first(answer.fields(), "Data.ExpireAt", "ExpireAt"));
                validUntilMillis = expireAt == null ? Long.MAX_VALUE : expireAt * 1000 - marginMillis;
                LOG.debug("Logged in (RequestId {}); the AccessToken expires at {}", answer.requestId(), expireAt);
            }
        }
        if (newToken != null) {
            result.complete(newToken);
        } else {
            result.completeExceptionally(failure);
        }
    }

    private static Object first(Map<String, Object> fields, String... paths) {
        for (String path : paths) {
            Object value = FieldPath.get(fields, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
