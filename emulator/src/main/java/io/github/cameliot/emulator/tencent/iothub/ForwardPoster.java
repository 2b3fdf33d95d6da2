package io.github.cameliot.emulator.tencent.iothub;

import io.github.cameliot.cloudapi.sign.TencentForwardSigner;
import java.net.URI;
import java.util.function.LongSupplier;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the {@code forward} action: posts the selected message as JSON to the rule's URL with the headers
 * {@code Signature}, {@code Timestamp} and {@code Nonce}, asynchronously. A failed delivery (no answer, or a status
 * other than 2xx) is tried again, {@link #ATTEMPTS} times in all with a growing pause, then logged.
 */
final class ForwardPoster implements AutoCloseable {

    static final int ATTEMPTS = 3;
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ForwardPoster.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final LongSupplier millis;
    private final IotHubState state;

    ForwardPoster(Vertx vertx, LongSupplier millis, IotHubState state) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000).setIdleTimeout(30));
        this.millis = millis;
        this.state = state;
    }

    /** Posts the message; returns at once. */
    void post(String rule, RuleAction.Forward forward, String json) {
        attempt(rule, forward, json, 1);
    }

    private void attempt(String rule, RuleAction.Forward forward, String json, int attempt) {
        String timestamp = Long.toString(millis.getAsLong() / 1000);
        String nonce = Integer.toString(state.nonce());
        URI uri = URI.create(forward.api());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(uri.toString())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Timestamp", timestamp)
                .putHeader("Nonce", nonce)
                .putHeader("Signature", TencentForwardSigner.sign(forward.token(), timestamp, nonce))
                .setTimeout(30_000);
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(json)))
                .onComplete(done -> {
                    if (done.succeeded() && done.result().statusCode() / 100 == 2) {
                        LOG.debug("Rule {} forwarded a message to {}", rule, safe(uri));
                        return;
                    }
                    String failure = done.succeeded() ? "HTTP " + done.result().statusCode()
                            : done.cause().toString();
                    if (attempt < ATTEMPTS) {
                        LOG.debug("Rule {}: forwarding to {} failed ({}); trying again", rule, safe(uri), failure);
                        vertx.setTimer(FIRST_PAUSE_MILLIS << (attempt - 1),
                                timer -> attempt(rule, forward, json, attempt + 1));
                    } else {
                        LOG.warn("Rule {}: forwarding to {} failed {} times, the message is dropped; last: {}",
                                rule, safe(uri), ATTEMPTS, failure);
                    }
                });
    }

    /** The URL without its query, which may hold a secret. */
    private static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public void close() {
        client.close();
    }
}
