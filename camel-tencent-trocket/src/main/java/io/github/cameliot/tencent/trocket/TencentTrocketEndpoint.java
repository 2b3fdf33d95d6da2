package io.github.cameliot.tencent.trocket;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.camel.CloudApiEndpoint;
import io.github.cameliot.cloudapi.tencent.TencentApiProtocol;
import io.github.cameliot.cloudapi.tencent.TencentApiSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Call any action of the Tencent Cloud TDMQ RocketMQ 5.x management API (trocket 2023-03-08), send to and consume
 * from RocketMQ topics of an instance with the RocketMQ 5.x client, and publish and subscribe to its MQTT topics.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tencent-trocket", title = "Tencent Cloud TDMQ RocketMQ",
             syntax = "tencent-trocket:action:name", category = { Category.CLOUD, Category.MESSAGING, Category.IOT },
             headersClass = TencentTrocketConstants.class)
public class TencentTrocketEndpoint extends CloudApiEndpoint implements EndpointServiceLocation {

    static final String TOPIC = "topic";
    static final String MQTT = "mqtt";

    @UriPath(description = "A management API action to call, spelled as in the API, such as CreateTopic or "
                           + "DescribeConsumerGroupList (actions the component does not list are callable by name too); "
                           + "topic, to send to or consume from a RocketMQ topic, as in tencent-trocket:topic:orders; or "
                           + "mqtt, to publish to or subscribe to MQTT topics, as in tencent-trocket:mqtt:home/+/temp.")
    @Metadata(required = true)
    private String action;
    @UriPath(description = "topic: the RocketMQ topic. mqtt: the MQTT topic, or the topic filter to subscribe to.")
    private String name;
    @UriParam
    private TencentTrocketConfiguration configuration;

    private TencentTrocketClient client;

    public TencentTrocketEndpoint(String uri, TencentTrocketComponent component, TencentTrocketConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public TencentTrocketComponent getComponent() {
        return (TencentTrocketComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return switch (action) {
            case TOPIC -> new TencentTrocketTopicProducer(this);
            case MQTT -> new TencentTrocketMqttProducer(this);
            default -> new TencentTrocketProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (action) {
            case TOPIC -> new TencentTrocketTopicConsumer(this, processor);
            case MQTT -> new TencentTrocketMqttConsumer(this, processor);
            default -> throw new IllegalArgumentException("tencent-trocket consumes 'topic:NAME' or 'mqtt:TOPIC_FILTER', not '"
                                                          + action + "': API actions are called with to(\"tencent-trocket:"
                                                          + action + "\")");
        };
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("The tencent-trocket endpoint needs an action, such as "
                                               + "tencent-trocket:DescribeTopicList or tencent-trocket:topic:orders");
        }
        if ((TOPIC.equals(action) || MQTT.equals(action)) && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("tencent-trocket:" + action + " needs a name, as in tencent-trocket:" + action
                                               + (TOPIC.equals(action) ? ":orders" : ":home/+/temp"));
        }
    }

    private TencentApiSettings settings() {
        return new TencentApiSettings(TencentTrocketActions.SERVICE, TencentTrocketActions.VERSION, configuration.getRegion(),
                configuration.getEndpoint(), configuration.getLanguage());
    }

    /** The management API client, built on first use: topic and mqtt endpoints given their address need none. */
    synchronized TencentTrocketClient getClient() {
        if (client == null) {
            client = configuration.getClient() != null
                    ? configuration.getClient()
                    : getComponent().newClient(configuration, new TencentApiProtocol(settings(), configuration.credentials()),
                            TencentTrocketClient::new);
        }
        return client;
    }

    ActionCatalog getCatalog() {
        return TencentTrocketActions.CATALOG;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TencentTrocketConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TencentTrocketConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getRegion() == null ? null : settings().url().toString();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }
}
