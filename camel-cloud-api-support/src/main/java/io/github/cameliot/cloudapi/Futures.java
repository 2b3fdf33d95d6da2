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

    /**
     * The failure's class and message, and its causes', for a log line: no stack trace, nothing but what they say
     * (the components' own exceptions never carry a credential).
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
