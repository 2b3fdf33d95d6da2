package io.github.cameliot.aliyun.iot;

import io.github.cameliot.cloudapi.CredentialsProvider;
import io.github.cameliot.cloudapi.camel.CloudApiConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

@UriParams
public class AliyunIotConfiguration extends CloudApiConfiguration {

    @UriParam(label = "security", secret = true)
    private String accessKeyId;
    @UriParam(label = "security", secret = true)
    private String accessKeySecret;
    @UriParam(label = "security", secret = true)
    private String securityToken;
    @UriParam(label = "security")
    private CredentialsProvider credentialsProvider;
    @UriParam
    private String regionId;
    @UriParam
    private String endpoint;
    @UriParam
    private String iotInstanceId;
    @UriParam
    private String productKey;
    @UriParam
    private String deviceName;
    @UriParam(label = "producer")
    private String topic;
    @UriParam(label = "producer", enums = "0,1")
    private Integer qos;
    @UriParam(label = "producer", defaultValue = "5000")
    private int rrpcTimeout = 5000;
    @UriParam(label = "producer")
    private boolean paginate;
    @UriParam(label = "producer")
    private boolean shadowAutoVersion;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private AliyunIotClient client;

    public String getAccessKeyId() {
        return accessKeyId;
    }

    /**
     * The AccessKey ID. When neither this nor accessKeySecret is set, the ALIBABA_CLOUD_ACCESS_KEY_ID and
     * ALIBABA_CLOUD_ACCESS_KEY_SECRET environment variables are used.
     */
    public void setAccessKeyId(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    public String getAccessKeySecret() {
        return accessKeySecret;
    }

    /**
     * The AccessKey secret.
     */
    public void setAccessKeySecret(String accessKeySecret) {
        this.accessKeySecret = accessKeySecret;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    /**
     * The token of temporary (STS) credentials, sent as SecurityToken; accessKeyId and accessKeySecret are then
     * the temporary key pair. From the environment: ALIBABA_CLOUD_SECURITY_TOKEN.
     */
    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    /**
     * A provider asked for the credentials before every call, such as one that refreshes STS credentials. Takes
     * precedence over the keys and the environment.
     */
    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public String getRegionId() {
        return regionId;
    }

    /**
     * The region of the devices, such as cn-shanghai, ap-southeast-1, us-west-1, ap-northeast-1 or eu-central-1.
     * API calls go to iot.REGION.aliyuncs.com, and the amqp consumer to ACCOUNT.iot-amqp.REGION.aliyuncs.com.
     * Required for API calls and the pollers; the amqp consumer needs it only when no amqpEndpoint is given.
     */
    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * A URL that replaces https://iot.REGION.aliyuncs.com, such as a private endpoint or a local test server.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getIotInstanceId() {
        return iotInstanceId;
    }

    /**
     * The id of an Enterprise Edition instance: sent as IotInstanceId with every call whose parameters leave it
     * out, and used in the AMQP subscription's login. Leave it empty for the public instance.
     */
    public void setIotInstanceId(String iotInstanceId) {
        this.iotInstanceId = iotInstanceId;
    }

    public String getProductKey() {
        return productKey;
    }

    /**
     * The product key, used by every action that takes ProductKey when the message's parameters leave it out
     * (and no IotId identifies the device).
     */
    public void setProductKey(String productKey) {
        this.productKey = productKey;
    }

    public String getDeviceName() {
        return deviceName;
    }

    /**
     * The device name, used by every action that takes one DeviceName when the message's parameters leave it
     * out (and no IotId identifies the device).
     */
    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public String getTopic() {
        return topic;
    }

    /**
     * Pub and PubBroadcast: the topic (TopicFullName), such as /PRODUCT/DEVICE/user/get, when the message leaves
     * it out.
     */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Integer getQos() {
        return qos;
    }

    /**
     * Pub: the QoS, 0 or 1, when the message leaves it out. Alibaba's default is 0.
     */
    public void setQos(Integer qos) {
        this.qos = qos;
    }

    public int getRrpcTimeout() {
        return rrpcTimeout;
    }

    /**
     * RRpc: how long the device has to reply, in milliseconds (1000 to 5000), when the message leaves Timeout out.
     */
    public void setRrpcTimeout(int rrpcTimeout) {
        this.rrpcTimeout = rrpcTimeout;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * List actions: fetch every page (CurrentPage/PageSize, PageNo, or the NextTime cursor of the history
     * actions) and answer with all items in one list.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public boolean isShadowAutoVersion() {
        return shadowAutoVersion;
    }

    /**
     * UpdateDeviceShadow: when the ShadowMessage has no version, read the current one first and send the next;
     * and when the update is refused for its version, read it again and retry once.
     */
    public void setShadowAutoVersion(boolean shadowAutoVersion) {
        this.shadowAutoVersion = shadowAutoVersion;
    }

    public AliyunIotClient getClient() {
        return client;
    }

    /**
     * A client to use instead of one built from this configuration.
     */
    public void setClient(AliyunIotClient client) {
        this.client = client;
    }

    // ---- AMQP server-side subscription (amqp)

    @UriParam(label = "consumer")
    private String accountId;
    @UriParam(label = "consumer")
    private String amqpEndpoint;
    @UriParam(label = "consumer")
    private String clientId;
    @UriParam(label = "consumer", defaultValue = "1")
    private int connectionCount = 1;
    @UriParam(label = "consumer", defaultValue = "100")
    private int prefetch = 100;
    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long idleTimeout = 60000;
    @UriParam(label = "consumer,advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long reconnectInitialDelay = 1000;
    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long reconnectMaxDelay = 60000;

    public String getAccountId() {
        return accountId;
    }

    /**
     * amqp: the ID (UID) of the Alibaba Cloud account that owns the IoT Platform instance, the first label of the
     * subscription's host ACCOUNT.iot-amqp.REGION.aliyuncs.com. Not needed when amqpEndpoint is given.
     */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getAmqpEndpoint() {
        return amqpEndpoint;
    }

    /**
     * amqp: an amqps:// (TLS) or amqp:// URI that replaces amqps://ACCOUNT.iot-amqp.REGION.aliyuncs.com:5671, such as
     * the AMQP endpoint of an Enterprise Edition instance (shown in the console) or a local test broker. Its query may
     * carry further Qpid JMS transport options (transport.*, amqp.*), which win over the component's.
     */
    public void setAmqpEndpoint(String amqpEndpoint) {
        this.amqpEndpoint = amqpEndpoint;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * amqp: identifies the client in the IoT Platform console; with more than one connection, each gets the suffix
     * -INDEX. By default HOST-PID-N: the host name, the process id and a number, unique per connection. It must not
     * contain a vertical bar, a comma, an equals sign or white space.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public int getConnectionCount() {
        return connectionCount;
    }

    /**
     * amqp: how many connections to open, each with one receiver. IoT Platform spreads the consumer group's messages
     * over them; more connections give more throughput (each delivers to the route one message at a time, unless the
     * route is asynchronous).
     */
    public void setConnectionCount(int connectionCount) {
        this.connectionCount = connectionCount;
    }

    public int getPrefetch() {
        return prefetch;
    }

    /**
     * amqp: how many messages each connection holds at most without having acknowledged them: the receiver's link
     * credit, and the bound on the exchanges in flight when the route is asynchronous. A message is acknowledged only
     * when the route has finished with it.
     */
    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * amqp: the AMQP idle timeout (heartbeat) of each connection, 30 to 300 seconds as IoT Platform requires: a
     * connection that hears nothing from the server for this long is closed and opened again.
     */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /**
     * amqp: the wait before connecting again after a connection failed or was lost; each further failure doubles
     * it, up to reconnectMaxDelay. Every attempt signs in with a fresh timestamp and signature.
     */
    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /**
     * amqp: the longest wait between two connection attempts. The consumer never gives up.
     */
    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    // ---- pollers (shadow, property, event)

    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String deviceNames;
    @UriParam(label = "consumer")
    private String identifiers;
    @UriParam(label = "consumer", enums = "info,alert,error")
    private String eventType;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "0")
    private long lookBack;
    @UriParam(label = "consumer", defaultValue = "50")
    private int pageSize = 50;

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * shadow, property and event: where the poller remembers what it has delivered (shadow versions, history
     * cursors), so that a restart neither replays nor skips a record. A state is stored only after the route has
     * processed its exchange without an exception. By default the state is kept in memory and lost when the
     * application stops; use a persistent repository, such as a FileStateRepository, to keep it across restarts.
     * shadow keeps the last delivered version of each device under shadow/PRODUCT/DEVICE; property and event keep a
     * cursor per device and identifier under property/PRODUCT/DEVICE/IDENTIFIER and event/PRODUCT/DEVICE/IDENTIFIER:
     * the time of the last delivered record, in milliseconds, followed by fingerprints of the records delivered at that
     * millisecond (storing a time alone replays the history from that time). A repository that is a Camel service is
     * started with the consumer.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getDeviceNames() {
        return deviceNames;
    }

    /**
     * shadow, property and event: the devices to watch, comma separated, such as dev1,dev2. When empty, every device of
     * the product is watched: each poll then pages through QueryDevice first. (The deviceName option does not narrow
     * the pollers, as it does not narrow the producer's list actions.)
     */
    public void setDeviceNames(String deviceNames) {
        this.deviceNames = deviceNames;
    }

    public String getIdentifiers() {
        return identifiers;
    }

    /**
     * property and event (required): the identifiers (as in the product's TSL) of the properties or events whose
     * history is polled, comma separated, such as temperature,humidity. Each device and identifier is a stream of its
     * own, with its own cursor.
     */
    public void setIdentifiers(String identifiers) {
        this.identifiers = identifiers;
    }

    public String getEventType() {
        return eventType;
    }

    /**
     * event: only the events of this type, info, alert or error (sent as EventType). All types when empty.
     */
    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public long getLookBack() {
        return lookBack;
    }

    /**
     * property and event: how far back in time a stream without a stored cursor starts, such as 1h or 7d (at most 30
     * days, the history the IoT Platform keeps). By default (0) a new stream starts now: only records from now on are
     * delivered. The start is stored at once, so that a restart resumes from it rather than from the new now.
     */
    public void setLookBack(long lookBack) {
        this.lookBack = lookBack;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * shadow, property and event: how many devices (QueryDevice) or records (QueryDevicePropertyData,
     * QueryDeviceEventData) each call asks for, 1 to 50. A poll fetches as many pages as it needs.
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public AliyunIotConfiguration copy() {
        return copyAs(AliyunIotConfiguration.class);
    }
}
