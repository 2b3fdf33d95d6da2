package io.github.cameliot.tencent.iot;

import java.util.Map;

import io.github.cameliot.cloudapi.camel.CloudApiComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Calls the Tencent Cloud IoT Hub API. All endpoints of the component share one connection pool, one scheduler (for
 * quota waits and retry backoff) and one quota per action.
 */
@Component("tencent-iot")
public class TencentIotComponent extends CloudApiComponent {

    @Metadata
    private TencentIotConfiguration configuration = new TencentIotConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TencentIotEndpoint endpoint = new TencentIotEndpoint(uri, this, configuration.copy());
        endpoint.setAction(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public TencentIotConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration shared by all endpoints; each endpoint gets a copy and its own URI options on top.
     */
    public void setConfiguration(TencentIotConfiguration configuration) {
        this.configuration = configuration;
    }
}
