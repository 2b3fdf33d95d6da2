package io.github.cameliot.tencent.iot.explorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.Futures;
import io.github.cameliot.cloudapi.Paginator;
import io.github.cameliot.cloudapi.camel.CloudApiProducer;
import io.github.cameliot.cloudapi.tencent.ExplorerAppApiProtocol;
import io.github.cameliot.cloudapi.tencent.TencentCloudApiException;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an application API action asynchronously; see {@link CloudApiProducer}. The actions called after login get
 * the endpoint's current AccessToken ({@link TencentIotExplorerEndpoint#accessToken()}); when the API answers
 * {@code InvalidParameterValue.InvalidAccessToken} and the endpoint can log in, the token is forgotten, the user logged
 * in again and the call replayed once with the new token.
 */
public class TencentIotExplorerProducer extends CloudApiProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TencentIotExplorerProducer.class);

    public TencentIotExplorerProducer(TencentIotExplorerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TencentIotExplorerEndpoint getEndpoint() {
        return (TencentIotExplorerEndpoint) super.getEndpoint();
    }

    @Override
    protected void checkClient() {
        getEndpoint().getClient();
    }

    /** No readiness check: every call needs a user's token, and a login just to probe would register users. */
    @Override
    protected HealthCheck createHealthCheck() {
        return null;
    }

    @Override
    protected boolean isHealthCheckEnabled() {
        return getEndpoint().getComponent().isHealthCheckProducerEnabled();
    }

    @Override
    protected ActionSpec action(Message message) {
        TencentIotExplorerEndpoint endpoint = getEndpoint();
        return endpoint.getCatalog().spec(
                message.getHeader(TencentIotExplorerConstants.OPERATION, endpoint.getAction(), String.class));
    }

    @Override
    protected CompletableFuture<ApiResult> call(Message message, ActionSpec spec) {
        TencentIotExplorerEndpoint endpoint = getEndpoint();
        Map<String, Object> parameters = TencentIotExplorerRequests.parameters(message, spec, endpoint.getConfiguration());
        spec.checkRequired(parameters);
        if (endpoint.isAppApi(spec.name())) {
            return send(spec, parameters);
        }
        AtomicReference<String> used = new AtomicReference<>();
        return endpoint.accessToken()
                .thenCompose(token -> {
                    used.set(token);
                    return send(spec, withToken(parameters, token));
                })
                .exceptionallyCompose(error -> {
                    Throwable cause = Futures.cause(error);
                    if (!isInvalidToken(cause) || !endpoint.canLogin()) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    LOG.debug("{}: the AccessToken was rejected (RequestId {}); logging in again and replaying the call",
                            spec.name(), ((TencentCloudApiException) cause).getRequestId());
                    endpoint.tokenRejected(used.get());
                    return endpoint.accessToken().thenCompose(token -> send(spec, withToken(parameters, token)));
                });
    }

    private CompletableFuture<ApiResult> send(ActionSpec spec, Map<String, Object> parameters) {
        TencentIotExplorerEndpoint endpoint = getEndpoint();
        if (endpoint.getConfiguration().isPaginate() && spec.isPaged()) {
            return Paginator.fetchAll(endpoint.getClient(), spec, parameters);
        }
        return endpoint.getClient().call(spec, parameters);
    }

    static boolean isInvalidToken(Throwable error) {
        return error instanceof TencentCloudApiException api && api.isError(ExplorerAppApiProtocol.INVALID_ACCESS_TOKEN);
    }

    private static Map<String, Object> withToken(Map<String, Object> parameters, String token) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        copy.put(ExplorerAppApiProtocol.ACCESS_TOKEN, token);
        return copy;
    }

    @Override
    protected void answer(Message message, ActionSpec spec, ApiResult result) {
        message.setHeader(TencentIotExplorerConstants.REQUEST_ID, result.requestId());
        message.setBody(result.fields());
    }
}
