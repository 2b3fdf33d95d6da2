package io.github.cameliot.cloudapi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What the client's futures fail with, without the wrappers that composing and waiting add. */
public final class Futures {

    private Futures() {
    }

    /** The failure itself: {@code error} unwrapped from any {@link CompletionException} or {@link ExecutionException}. */
    public static Throwable cause(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for the future (of a poller, on its own thread) and returns its value, or throws its failure unwrapped.
     * An interrupt cancels the future.
     */
    public static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable failure = cause(e);
            if (failure instanceof Exception exception) {
                throw exception;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
