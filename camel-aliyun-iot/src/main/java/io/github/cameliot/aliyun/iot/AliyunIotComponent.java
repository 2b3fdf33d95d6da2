package io.github.cameliot.aliyun.iot;

import java.util.Map;

import io.github.cameliot.cloudapi.camel.CloudApiComponent;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Calls the Alibaba Cloud IoT Platform API, and receives device messages by server-side subscription. All endpoints
 * of the component share one connection pool, one scheduler (for quota waits and retry backoff) and one quota per
 * action.
 */
@Component("aliyun-iot")
public class AliyunIotComponent extends CloudApiComponent {

    @Metadata
    private AliyunIotConfiguration configuration = new AliyunIotConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AliyunIotEndpoint endpoint = new AliyunIotEndpoint(uri, this, configuration.copy());
        int colon = remaining.indexOf(':');
        endpoint.setAction(colon < 0 ? remaining : remaining.substring(0, colon));
        if (colon >= 0) {
            endpoint.setConsumerGroupId(remaining.substring(colon + 1));
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public AliyunIotConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The configuration shared by all endpoints; each endpoint gets a copy and its own URI options on top.
     */
    public void setConfiguration(AliyunIotConfiguration configuration) {
        this.configuration = configuration;
    }
}
