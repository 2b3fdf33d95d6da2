package io.github.cameliot.tencent.iot.explorer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.cameliot.cloudapi.camel.CloudApiComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Calls the Tencent IoT Explorer application API (the API a brand's own app and back end use), and receives device
 * changes over its long connection. All endpoints of the component share one connection pool and one scheduler.
 */
@Component("tencent-iot-explorer")
public class TencentIotExplorerComponent extends CloudApiComponent {

    @Metadata
    private TencentIotExplorerConfiguration configuration = new TencentIotExplorerConfiguration();
    private final Map<List<Object>, TencentIotExplorerTokens> tokens = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TencentIotExplorerEndpoint endpoint = new TencentIotExplorerEndpoint(uri, this, configuration.copy());
        endpoint.setAction(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The token of a user of an application, shared by every endpoint (and consumer) that calls as that user, so that
     * they share one login.
     */
    TencentIotExplorerTokens tokens(List<Object> user, Supplier<TencentIotExplorerTokens> create) {
        return tokens.computeIfAbsent(user, key -> create.get());
    }

    public TencentIotExplorerConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration shared by all endpoints; each endpoint gets a copy and its own URI options on top.
     */
    public void setConfiguration(TencentIotExplorerConfiguration configuration) {
        this.configuration = configuration;
    }
}
