package io.github.cameliot.cloudapi;

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
}
