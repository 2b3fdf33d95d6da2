package io.github.cameliot.tencent.trocket;

import java.util.Map;

import io.github.cameliot.cloudapi.camel.CloudApiComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Calls the Tencent Cloud TDMQ RocketMQ 5.x management API, sends to and consumes from its RocketMQ topics, and its
 * MQTT topics. All API endpoints of the component share one connection pool, one scheduler and one quota per action.
 */
@Component("tencent-trocket")
public class TencentTrocketComponent extends CloudApiComponent {

    @Metadata
    private TencentTrocketConfiguration configuration = new TencentTrocketConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TencentTrocketEndpoint endpoint = new TencentTrocketEndpoint(uri, this, configuration.copy());
        int colon = remaining.indexOf(':');
        endpoint.setAction(colon < 0 ? remaining : remaining.substring(0, colon));
        if (colon >= 0) {
            endpoint.setName(remaining.substring(colon + 1));
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public TencentTrocketConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration shared by all endpoints; each endpoint gets a copy and its own URI options on top.
     */
    public void setConfiguration(TencentTrocketConfiguration configuration) {
        this.configuration = configuration;
    }
}
