package io.github.cameliot.tencent.iot;

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
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Call any action of the Tencent Cloud IoT Hub API (iotcloud 2021-04-08), receive what its rule engine forwards, and
 * poll device shadows and device lifecycle changes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tencent-iot", title = "Tencent Cloud IoT Hub", syntax = "tencent-iot:action",
             category = { Category.CLOUD, Category.IOT }, headersClass = TencentIotConstants.class)
public class TencentIotEndpoint extends CloudApiEndpoint implements EndpointServiceLocation {

    static final String FORWARD = "forward";
    static final String SHADOW = "shadow";
    static final String DEVICES = "devices";

    @UriPath(description = "Producer: the API action to call, spelled as in the IoT Hub API, such as PublishMessage, "
                           + "CreateDevice or UpdateDeviceShadow; actions the component does not list are callable by name "
                           + "too. Consumer: forward, to receive what a rule's forward action posts; shadow, to poll "
                           + "DescribeDeviceShadow and receive each new version of a device shadow; devices, to poll "
                           + "DescribeDevices and receive device lifecycle events (added, removed, online, offline, enabled, "
                           + "disabled).")
    @Metadata(required = true)
    private String action;
    @UriParam
    private TencentIotConfiguration configuration;

    private TencentIotClient client;

    public TencentIotEndpoint(String uri, TencentIotComponent component, TencentIotConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public TencentIotComponent getComponent() {
        return (TencentIotComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TencentIotProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (action) {
            case FORWARD -> new TencentIotForwardConsumer(this, processor);
            case SHADOW -> new TencentIotShadowConsumer(this, processor);
            case DEVICES -> new TencentIotDevicesConsumer(this, processor);
            default -> throw new IllegalArgumentException("tencent-iot consumes '" + FORWARD + "', '" + SHADOW + "' or '"
                                                          + DEVICES + "', not '" + action + "': API actions are called "
                                                          + "with to(\"tencent-iot:" + action + "\")");
        };
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("The tencent-iot endpoint needs an action, such as tencent-iot:DescribeDevices");
        }
    }

    private TencentApiSettings settings() {
        return new TencentApiSettings(TencentIotActions.SERVICE, TencentIotActions.VERSION, configuration.getRegion(),
                configuration.getEndpoint(), configuration.getLanguage());
    }

    private TencentIotClient createClient() {
        return getComponent().newClient(configuration, new TencentApiProtocol(settings(), configuration.credentials()),
                TencentIotClient::new);
    }

    /** The client, built on first use: consumers of forwarded messages need neither region nor credentials. */
    synchronized TencentIotClient getClient() {
        if (client == null) {
            client = configuration.getClient() != null ? configuration.getClient() : createClient();
        }
        return client;
    }

    /** Where the pollers keep their state; see {@link CloudApiEndpoint#stateRepository}. */
    StateRepository<String, String> getStateRepository() {
        return stateRepository(configuration.getStateRepository());
    }

    ActionCatalog getCatalog() {
        return TencentIotActions.CATALOG;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public TencentIotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TencentIotConfiguration configuration) {
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
