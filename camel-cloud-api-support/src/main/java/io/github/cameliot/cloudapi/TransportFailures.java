package io.github.cameliot.cloudapi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/** How to read a call that got no response, the same for every cloud. */
public final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * Whether the failure proves the request never reached the cloud: the connection was refused or could not be
     * opened. A timeout proves nothing: the cloud may have run the action and the answer got lost.
     */
    public static boolean notExecuted(IOException cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
               || cause instanceof NoRouteToHostException;
    }

    /** A short code for the kind of failure: {@code RequestTimeout} or {@code ConnectionFailure}. */
    public static String code(IOException cause) {
        return cause instanceof InterruptedIOException ? "RequestTimeout" : "ConnectionFailure";
    }

    /** The failure's own description, which names the host and port but carries no request data. */
    public static String message(IOException cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
