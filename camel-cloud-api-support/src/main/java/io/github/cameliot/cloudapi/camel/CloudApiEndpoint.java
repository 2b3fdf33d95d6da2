package io.github.cameliot.cloudapi.camel;

import org.apache.camel.Component;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.util.URISupport;

/**
 * What every cloud API endpoint shares: an endpoint URI without secrets, and the state repository its pollers fall
 * back to.
 * <p>
 * The endpoint URI is the sanitized form of the URI as written (the values of secret options such as keys and tokens
 * masked), so that no route dump, JMX name or log line that shows it carries a key. Endpoints are still told apart
 * by the URI as written: two that differ only in their keys have the same endpoint URI, yet must not share a
 * producer.
 */
public abstract class CloudApiEndpoint extends ScheduledPollEndpoint {

    /** The URI as written, keys included: it only tells endpoints apart, and is never shown. */
    private final String uriAsWritten;
    private StateRepository<String, String> defaultStateRepository;

    protected CloudApiEndpoint(String uri, Component component) {
        super(URISupport.sanitizeUri(uri), component);
        this.uriAsWritten = uri;
    }

    /**
     * Where the pollers keep their state: the configured repository, or one in memory that belongs to this endpoint (so
     * that a consumer started again by the same endpoint, such as after a master failover back to this node,
     * remembers).
     */
    protected synchronized StateRepository<String, String> stateRepository(StateRepository<String, String> configured) {
        if (configured != null) {
            return configured;
        }
        if (defaultStateRepository == null) {
            defaultStateRepository = new MemoryStateRepository();
        }
        return defaultStateRepository;
    }

    @Override
    public boolean equals(Object object) {
        return this == object
               || object instanceof CloudApiEndpoint other && super.equals(other) && uriAsWritten.equals(other.uriAsWritten);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
