package io.github.cameliot.cloudapi;

import java.io.IOException;
import java.util.Map;

import okhttp3.Request;
import okhttp3.Response;

/**
 * What differs between clouds when calling an API action: how a request is built and signed, and how an answer
 * or a transport failure is read. {@link CloudApiClient} does the rest (sending, quotas, retries, paging).
 */
public interface CloudProtocol {

    /**
     * The signed HTTP request for the action with these parameters. Called again for every retry, so each attempt
     * carries a fresh timestamp and signature.
     */
    Request newRequest(ActionSpec action, Map<String, Object> parameters) throws IOException;

    /**
     * The result of a response: the action's response fields, or a {@link CloudApiException} carrying the cloud's
     * error.
     */
    ApiResult read(ActionSpec action, Response response) throws IOException;

    /** The exception for a call that got no response. */
    CloudApiException transportFailure(ActionSpec action, IOException cause);
}
