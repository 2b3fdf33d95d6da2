package io.github.cameliot.cloudapi;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls cloud API actions asynchronously: keeps each action under its quota, signs and sends the request through
 * OkHttp's dispatcher, reads the answer, and retries with backoff where the {@link RetryPolicy} allows. No thread
 * waits for a call in flight: waits for a quota slot or a retry are scheduled, and answers arrive on OkHttp's
 * threads.
 * <p>
 * One instance per set of credentials and region; its {@link OkHttpClient} should share the connection pool and
 * dispatcher of the other clients of the application ({@link OkHttpClient#newBuilder()}).
 */
public class CloudApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(CloudApiClient.class);

    private final OkHttpClient http;
    private final CloudProtocol protocol;
    private final RetryPolicy retryPolicy;
    private final RateLimiters rateLimiters;
    private final ScheduledExecutorService scheduler;

    /**
     * @param rateLimiters the limiters of the account, or {@code null} to send without client-side quota
     * @param scheduler    runs delayed attempts (quota waits and retry backoff); it only enqueues calls, so one thread
     *                     serves any number of clients
     */
    public CloudApiClient(OkHttpClient http, CloudProtocol protocol, RetryPolicy retryPolicy, RateLimiters rateLimiters,
                          ScheduledExecutorService scheduler) {
        this.http = http;
        this.protocol = protocol;
        this.retryPolicy = retryPolicy;
        this.rateLimiters = rateLimiters;
        this.scheduler = scheduler;
    }

    /** Calls the action; the future completes with its result or a {@link CloudApiException}. */
    public CompletableFuture<ApiResult> call(ActionSpec action, Map<String, Object> parameters) {
        CompletableFuture<ApiResult> result = new CompletableFuture<>();
        attempt(action, parameters, 0, result);
        return result;
    }

    private void attempt(ActionSpec action, Map<String, Object> parameters, int retry, CompletableFuture<ApiResult> result) {
        long waitNanos = rateLimiters != null && action.quotaPerSecond() > 0 ? rateLimiters.forAction(action).reserve() : 0;
        if (waitNanos > 0) {
            schedule(() -> send(action, parameters, retry, result), waitNanos, result);
        } else {
            send(action, parameters, retry, result);
        }
    }

    private void send(ActionSpec action, Map<String, Object> parameters, int retry, CompletableFuture<ApiResult> result) {
        Request request;
        try {
            request = protocol.newRequest(action, parameters);
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    result.complete(protocol.read(action, response));
                } catch (CloudApiException e) {
                    failed(action, parameters, retry, result, e);
                } catch (IOException e) {
                    failed(action, parameters, retry, result, protocol.transportFailure(action, e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                failed(action, parameters, retry, result, protocol.transportFailure(action, e));
            }
        });
    }

    private void failed(
            ActionSpec action, Map<String, Object> parameters, int retry, CompletableFuture<ApiResult> result,
            CloudApiException error) {
        if (!retryPolicy.shouldRetry(error, retry, action.idempotent())) {
            result.completeExceptionally(error);
            return;
        }
        long delayMillis = retryPolicy.delayMillis(retry);
        LOG.debug("{} failed with {} (RequestId {}); retry {} of {} in {} ms", action.name(), error.getErrorCode(),
                error.getRequestId(), retry + 1, retryPolicy.maxRetries(), delayMillis);
        schedule(() -> attempt(action, parameters, retry + 1, result), TimeUnit.MILLISECONDS.toNanos(delayMillis), result);
    }

    private void schedule(Runnable task, long delayNanos, CompletableFuture<ApiResult> result) {
        try {
            scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("The client is shut down", e));
        }
    }
}
