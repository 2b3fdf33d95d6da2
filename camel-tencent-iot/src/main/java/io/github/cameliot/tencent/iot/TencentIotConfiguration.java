package io.github.cameliot.tencent.iot;

import io.github.cameliot.cloudapi.tencent.TencentCloudConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

@UriParams
public class TencentIotConfiguration extends TencentCloudConfiguration {

    @UriParam
    @Metadata(required = true)
    private String region;
    @UriParam
    private String endpoint;
    @UriParam
    private String productId;
    @UriParam
    private String deviceName;
    @UriParam(label = "producer")
    private String topic;
    @UriParam(label = "producer", enums = "0,1")
    private Integer qos;
    @UriParam(label = "producer")
    private boolean paginate;
    @UriParam(label = "producer")
    private boolean shadowAutoVersion;
    @UriParam(label = "consumer", defaultValue = "/tencent-iot/forward")
    private String path = "/tencent-iot/forward";
    @UriParam(label = "consumer,security", secret = true)
    private String token;
    @UriParam(label = "consumer", defaultValue = "300000", javaType = "java.time.Duration")
    private long timestampWindow = 300000;
    @UriParam(label = "consumer", defaultValue = "1048576")
    private int maxBodySize = 1048576;
    @UriParam(label = "consumer", defaultValue = "100")
    private int maxInFlight = 100;
    @UriParam(label = "consumer")
    private String deviceNames;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private TencentIotClient client;

    public String getRegion() {
        return region;
    }

    /**
     * The region, required by every IoT Hub action: ap-guangzhou, ap-bangkok, ap-shanghai-fsi (finance region, its
     * own host), eu-frankfurt or na-ashburn. Calls go to iotcloud.REGION.tencentcloudapi.com.
     */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * A URL that replaces https://iotcloud.REGION.tencentcloudapi.com, such as a private endpoint or a local test
     * server. Signing keeps using the service name iotcloud.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getProductId() {
        return productId;
    }

    /**
     * The product id, used by every action that requires ProductId when the message's parameters leave it out.
     */
    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getDeviceName() {
        return deviceName;
    }

    /**
     * The device name, used by every action that requires DeviceName when the message's parameters leave it out.
     */
    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public String getTopic() {
        return topic;
    }

    /**
     * PublishMessage: the topic, such as PRODUCT/DEVICE/control, when the message leaves it out.
     */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Integer getQos() {
        return qos;
    }

    /**
     * PublishMessage: the QoS, 0 or 1, when the message leaves it out. Tencent's default is 0.
     */
    public void setQos(Integer qos) {
        this.qos = qos;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * List actions (DescribeDevices, DescribeProducts, DescribeDeviceResources, DescribeProductResources,
     * DescribeGatewayBindDevices): fetch every page and answer with all items in one list.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public boolean isShadowAutoVersion() {
        return shadowAutoVersion;
    }

    /**
     * UpdateDeviceShadow: when no ShadowVersion is given, read the current version first; and when the update fails
     * with FailedOperation.UpdateVersionNotMatch, read the version again and retry once.
     */
    public void setShadowAutoVersion(boolean shadowAutoVersion) {
        this.shadowAutoVersion = shadowAutoVersion;
    }

    public String getPath() {
        return path;
    }

    /**
     * forward: the HTTP path the rule engine posts to, served by the runtime's platform-http server. The rule's
     * forward action's api URL is this server's base URL plus this path.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public String getToken() {
        return token;
    }

    /**
     * forward: the token of the rule's forward action. When set, every request must carry a valid Signature,
     * Timestamp and Nonce, or it is refused with 401 and the route does not run. Without a token nothing is checked.
     */
    public void setToken(String token) {
        this.token = token;
    }

    public long getTimestampWindow() {
        return timestampWindow;
    }

    /**
     * forward: how far the Timestamp of a signed request may be from this machine's clock, in either direction,
     * before it is refused with 401 as stale.
     */
    public void setTimestampWindow(long timestampWindow) {
        this.timestampWindow = timestampWindow;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    /**
     * forward: the largest request body accepted, in bytes; a larger one is refused with 413.
     */
    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /**
     * forward: how many requests may be in the route at once; further ones are refused with 503 so that the rule
     * engine sends them again later.
     */
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public String getDeviceNames() {
        return deviceNames;
    }

    /**
     * shadow and devices: the devices to watch, comma separated, such as dev1,dev2. When empty, every device of the
     * product is watched: each poll pages through DescribeDevices first.
     */
    public void setDeviceNames(String deviceNames) {
        this.deviceNames = deviceNames;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * shadow and devices: where the poller remembers what it has delivered, so that a restart neither replays nor skips
     * a change. shadow keeps the last delivered version of each device under shadow/PRODUCT/DEVICE; devices keeps a
     * snapshot of each device (Online, EnableState) under device/PRODUCT/DEVICE and the known device names under
     * devices/PRODUCT. A state is stored only after the route has processed its exchange without an exception, so a
     * failed exchange is delivered again on the next poll. By default the state is kept in memory, and lost when the
     * application stops; use a persistent repository, such as a FileStateRepository, to keep it across restarts. With
     * an empty state, the first poll delivers every existing shadow once (shadow), and reports every existing device
     * as DeviceAdded (devices). Two endpoints that watch the same product need separate repositories. A repository that
     * is a Camel service is started with the consumer.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public TencentIotClient getClient() {
        return client;
    }

    /**
     * A client to use instead of one built from this configuration.
     */
    public void setClient(TencentIotClient client) {
        this.client = client;
    }

    public TencentIotConfiguration copy() {
        return copyAs(TencentIotConfiguration.class);
    }
}
