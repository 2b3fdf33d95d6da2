package io.github.cameliot.aliyun.iot;

import java.net.URI;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.CredentialsProvider;
import io.github.cameliot.cloudapi.camel.CloudApiEndpoint;
import io.github.cameliot.cloudapi.aliyun.AliyunApiSettings;
import io.github.cameliot.cloudapi.aliyun.AliyunCredentials;
import io.github.cameliot.cloudapi.aliyun.AliyunRpcProtocol;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Call any action of the Alibaba Cloud IoT Platform API (2018-01-20), receive device messages by AMQP server-side
 * subscription, and poll device shadows and the property and event history.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aliyun-iot", title = "Alibaba Cloud IoT Platform",
             syntax = "aliyun-iot:action:consumerGroupId", category = { Category.CLOUD, Category.IOT },
             headersClass = AliyunIotConstants.class)
public class AliyunIotEndpoint extends CloudApiEndpoint implements EndpointServiceLocation {

    static final String AMQP = "amqp";
    static final String SHADOW = "shadow";
    static final String PROPERTY = "property";
    static final String EVENT = "event";

    @UriPath(description = "Producer: the API action to call, spelled as in the IoT Platform API, such as Pub, "
                           + "RegisterDevice or SetDeviceProperty; actions the component does not list are callable by "
                           + "name too. Consumer: amqp, to receive device messages by server-side subscription; shadow, "
                           + "to poll GetDeviceShadow and receive each new shadow version; property or event, to poll the "
                           + "property or event history and receive each new record once.")
    @Metadata(required = true)
    private String action;
    @UriPath(label = "consumer", defaultValue = "DEFAULT_GROUP",
             description = "amqp: the consumer group of the server-side subscription, as in aliyun-iot:amqp:GROUP.")
    private String consumerGroupId = "DEFAULT_GROUP";
    @UriParam
    private AliyunIotConfiguration configuration;

    private AliyunIotClient client;

    public AliyunIotEndpoint(String uri, AliyunIotComponent component, AliyunIotConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public AliyunIotComponent getComponent() {
        return (AliyunIotComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new AliyunIotProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (action) {
            case AMQP -> new AliyunIotAmqpConsumer(this, processor);
            case SHADOW -> new AliyunIotShadowConsumer(this, processor);
            case PROPERTY -> new AliyunIotPropertyConsumer(this, processor);
            case EVENT -> new AliyunIotEventConsumer(this, processor);
            default -> throw new IllegalArgumentException("aliyun-iot consumes '" + AMQP + "', '" + SHADOW + "', '" + PROPERTY
                                                          + "' or '" + EVENT + "', not '" + action + "': API actions are "
                                                          + "called with to(\"aliyun-iot:" + action + "\")");
        };
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("The aliyun-iot endpoint needs an action, such as aliyun-iot:QueryDevice");
        }
    }

    private AliyunApiSettings settings() {
        return new AliyunApiSettings(AliyunIotActions.HOST_PREFIX, AliyunIotActions.VERSION, configuration.getRegionId(),
                configuration.getEndpoint());
    }

    /** The credentials: the configured provider, else the keys of the configuration or the environment. */
    CredentialsProvider credentials() {
        AliyunIotConfiguration c = configuration;
        return c.getCredentialsProvider() != null
                ? c.getCredentialsProvider()
                : AliyunCredentials.resolve(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken(), System::getenv);
    }

    /** The client, built on first use. */
    synchronized AliyunIotClient getClient() {
        if (client == null) {
            client = configuration.getClient() != null
                    ? configuration.getClient()
                    : getComponent().newClient(configuration, new AliyunRpcProtocol(settings(), credentials()),
                            AliyunIotClient::new);
        }
        return client;
    }

    /** Where the pollers keep their state; see {@link CloudApiEndpoint#stateRepository}. */
    StateRepository<String, String> getStateRepository() {
        return stateRepository(configuration.getStateRepository());
    }

    ActionCatalog getCatalog() {
        return AliyunIotActions.CATALOG;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getConsumerGroupId() {
        return consumerGroupId;
    }

    public void setConsumerGroupId(String consumerGroupId) {
        this.consumerGroupId = consumerGroupId;
    }

    public AliyunIotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AliyunIotConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        if (AMQP.equals(action)) {
            try {
                URI uri = AliyunIotAmqpSettings.endpointUri(configuration);
                return uri.getScheme() + "://" + uri.getRawAuthority();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return configuration.getRegionId() == null ? null : settings().url().toString();
    }

    @Override
    public String getServiceProtocol() {
        return AMQP.equals(action) ? "amqp" : "https";
    }
}
