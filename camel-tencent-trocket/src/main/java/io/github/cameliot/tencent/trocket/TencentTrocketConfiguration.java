package io.github.cameliot.tencent.trocket;

import java.util.Properties;

import javax.net.SocketFactory;

import io.github.cameliot.cloudapi.tencent.TencentCloudConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

@UriParams
public class TencentTrocketConfiguration extends TencentCloudConfiguration {

    @UriParam
    private String region;
    @UriParam
    private String endpoint;
    @UriParam
    private String instanceId;
    @UriParam(label = "producer")
    private boolean paginate;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private TencentTrocketClient client;

    public String getRegion() {
        return region;
    }

    /**
     * The region of the instance, such as ap-guangzhou, ap-shanghai or ap-shanghai-fsi (finance regions have hosts of
     * their own). Management API calls go to trocket.REGION.tencentcloudapi.com. Required for API calls, and for topic
     * and mqtt endpoints that look their address or credentials up through the API.
     */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * A URL that replaces https://trocket.REGION.tencentcloudapi.com for management API calls, such as a private
     * endpoint or a local test server. Signing keeps using the service name trocket.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getInstanceId() {
        return instanceId;
    }

    /**
     * The instance (rmq-... or mqtt-...): used by every action that takes InstanceId when the message's parameters leave
     * it out, and by topic and mqtt endpoints to look up the instance's address and credentials.
     */
    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * List actions: fetch every page (Offset/Limit) and answer with all items in one list.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public TencentTrocketClient getClient() {
        return client;
    }

    /**
     * A management API client to use instead of one built from this configuration.
     */
    public void setClient(TencentTrocketClient client) {
        this.client = client;
    }

    // ---- RocketMQ messaging (topic)

    @UriParam(label = "topic")
    private String accessPoint;
    @UriParam(label = "topic", enums = "VPC,PUBLIC,INTERNAL", defaultValue = "VPC")
    private String endpointType = "VPC";
    @UriParam(label = "topic,security")
    private Boolean ssl;
    @UriParam(label = "topic,security")
    private String role;
    @UriParam(label = "topic,security", secret = true)
    private String roleAccessKey;
    @UriParam(label = "topic,security", secret = true)
    private String roleSecretKey;
    @UriParam(label = "topic,advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long requestTimeout = 10_000;
    @UriParam(label = "producer")
    private String tag;
    @UriParam(label = "producer")
    private String messageGroup;
    @UriParam(label = "consumer")
    private String consumerGroup;
    @UriParam(label = "consumer", defaultValue = "*")
    private String filterExpression = "*";
    @UriParam(label = "consumer", enums = "TAG,SQL92", defaultValue = "TAG")
    private String filterExpressionType = "TAG";
    @UriParam(label = "consumer", defaultValue = "1")
    private int concurrentConsumers = 1;
    @UriParam(label = "consumer", defaultValue = "32")
    private int maxMessagesInFlight = 32;
    @UriParam(label = "consumer,advanced", defaultValue = "16")
    private int receiveBatchSize = 16;
    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration")
    private long invisibleDuration = 60_000;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean extendInvisibleDuration = true;
    @UriParam(label = "consumer", defaultValue = "10000", javaType = "java.time.Duration")
    private long retryDelay = 10_000;
    @UriParam(label = "consumer,advanced", defaultValue = "5000", javaType = "java.time.Duration")
    private long awaitDuration = 5_000;

    public String getAccessPoint() {
        return accessPoint;
    }

    /**
     * topic: the instance's RocketMQ 5.x (gRPC) access point, host:port (several separated by semicolons), as the console
     * shows it. When left out, it is looked up with DescribeInstance (instanceId, region and API keys needed): the first
     * OPEN access point of the endpointType.
     */
    public void setAccessPoint(String accessPoint) {
        this.accessPoint = accessPoint;
    }

    public String getEndpointType() {
        return endpointType;
    }

    /**
     * topic: which of the instance's access points DescribeInstance's EndpointList gives, when accessPoint is left out:
     * VPC (from inside the instance's VPC, the default), PUBLIC (over the internet) or INTERNAL (Tencent's support network).
     */
    public void setEndpointType(String endpointType) {
        this.endpointType = endpointType;
    }

    public Boolean getSsl() {
        return ssl;
    }

    /**
     * topic: connect to the access point with TLS. When left out: TLS for a PUBLIC access point, plain gRPC for VPC and
     * INTERNAL ones (and for an accessPoint given explicitly with no endpointType PUBLIC).
     */
    public void setSsl(Boolean ssl) {
        this.ssl = ssl;
    }

    public String getRole() {
        return role;
    }

    /**
     * topic: the instance's role (ACL) whose AccessKey and SecretKey the client signs with, looked up with DescribeRoleList
     * (instanceId, region and API keys needed) when roleAccessKey and roleSecretKey are left out. Leave all three out for
     * an instance without ACL.
     */
    public void setRole(String role) {
        this.role = role;
    }

    public String getRoleAccessKey() {
        return roleAccessKey;
    }

    /**
     * topic: the AccessKey of the instance's role (DescribeRoleList's AccessKey; not the API's secretId), for a RocketMQ
     * instance with ACL. Goes with roleSecretKey.
     */
    public void setRoleAccessKey(String roleAccessKey) {
        this.roleAccessKey = roleAccessKey;
    }

    public String getRoleSecretKey() {
        return roleSecretKey;
    }

    /**
     * topic: the SecretKey of the instance's role (DescribeRoleList's SecretKey; not the API's secretKey). Goes with
     * roleAccessKey.
     */
    public void setRoleSecretKey(String roleSecretKey) {
        this.roleSecretKey = roleSecretKey;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * topic: how long the RocketMQ client waits for an answer to a request (send, acknowledge, change of invisible
     * duration; a receive waits awaitDuration longer).
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getTag() {
        return tag;
    }

    /**
     * topic: the tag of the messages sent, unless the header CamelTencentTrocketTag gives one.
     */
    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getMessageGroup() {
        return messageGroup;
    }

    /**
     * topic: the message group of the messages sent to a FIFO topic, unless the header CamelTencentTrocketMessageGroup
     * gives one.
     */
    public void setMessageGroup(String messageGroup) {
        this.messageGroup = messageGroup;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    /**
     * topic: the consumer group (required to consume). Consumers of one group share the topic's messages, each message
     * going to one of them; its retry limit and dead-letter queue, and whether it is FIFO, are the group's settings.
     */
    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getFilterExpression() {
        return filterExpression;
    }

    /**
     * topic: which messages to receive: with filterExpressionType TAG, * for all or tags such as TagA||TagB; with SQL92, a
     * condition on the user properties and TAGS, such as region = 'eu' AND temperature > 30.
     */
    public void setFilterExpression(String filterExpression) {
        this.filterExpression = filterExpression;
    }

    public String getFilterExpressionType() {
        return filterExpressionType;
    }

    /**
     * topic: the language of filterExpression: TAG or SQL92.
     */
    public void setFilterExpressionType(String filterExpressionType) {
        this.filterExpressionType = filterExpressionType;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /**
     * topic: how many threads hand messages to the route. Messages of one FIFO message group are processed one at a time,
     * in order, whatever this is.
     */
    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getMaxMessagesInFlight() {
        return maxMessagesInFlight;
    }

    /**
     * topic: at most this many messages received and not yet acknowledged (or given back) at a time, waiting for a thread
     * or in the route; receiving pauses while the limit is reached.
     */
    public void setMaxMessagesInFlight(int maxMessagesInFlight) {
        this.maxMessagesInFlight = maxMessagesInFlight;
    }

    public int getReceiveBatchSize() {
        return receiveBatchSize;
    }

    /**
     * topic: at most this many messages per receive request (1 to 32), fewer when maxMessagesInFlight leaves less room.
     */
    public void setReceiveBatchSize(int receiveBatchSize) {
        this.receiveBatchSize = receiveBatchSize;
    }

    public long getInvisibleDuration() {
        return invisibleDuration;
    }

    /**
     * topic: how long a received message stays invisible to the group's other consumers; a message neither acknowledged
     * nor extended in that time is delivered again. With extendInvisibleDuration, a route may take longer.
     */
    public void setInvisibleDuration(long invisibleDuration) {
        this.invisibleDuration = invisibleDuration;
    }

    public boolean isExtendInvisibleDuration() {
        return extendInvisibleDuration;
    }

    /**
     * topic: while the route still processes a message, renew its invisible duration (at two thirds of it), so that a long
     * route never sees its message delivered again meanwhile.
     */
    public void setExtendInvisibleDuration(boolean extendInvisibleDuration) {
        this.extendInvisibleDuration = extendInvisibleDuration;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /**
     * topic: when the route fails, its message is not acknowledged but made visible again after this long, and so
     * delivered again; after the group's retry limit it goes to the dead-letter queue %DLQ%GROUP. The server may refuse
     * less than its minimum (10 s by default): the message then waits for its invisible duration instead.
     */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getAwaitDuration() {
        return awaitDuration;
    }

    /**
     * topic: how long a receive request waits on the server for messages when there are none (long polling). Stopping
     * the consumer waits for the requests under way, so this bounds how long a stop waits for them.
     */
    public void setAwaitDuration(long awaitDuration) {
        this.awaitDuration = awaitDuration;
    }

    // ---- MQTT (mqtt)

    @UriParam(label = "mqtt")
    private String mqttBrokerUrl;
    @UriParam(label = "mqtt", enums = "vpc,public", defaultValue = "vpc")
    private String mqttEndpointType = "vpc";
    @UriParam(label = "mqtt", enums = "tcp,tls,ws,wss")
    private String mqttTransport;
    @UriParam(label = "security,mqtt")
    private String mqttUsername;
    @UriParam(label = "security,mqtt", secret = true)
    private String mqttPassword;
    @UriParam(label = "mqtt")
    private String mqttClientId;
    @UriParam(label = "mqtt", enums = "0,1,2", defaultValue = "1")
    private int mqttQos = 1;
    @UriParam(label = "mqtt", defaultValue = "true")
    private boolean mqttCleanStart = true;
    @UriParam(label = "mqtt", defaultValue = "300")
    private long mqttSessionExpiryInterval = 300;
    @UriParam(label = "mqtt", defaultValue = "true")
    private boolean mqttAutomaticReconnect = true;
    @UriParam(label = "mqtt,advanced", defaultValue = "128000")
    private int mqttMaxReconnectDelay = 128000;
    @UriParam(label = "mqtt,advanced", defaultValue = "60")
    private int mqttKeepAliveInterval = 60;
    @UriParam(label = "mqtt,advanced", defaultValue = "30")
    private int mqttConnectionTimeout = 30;
    @UriParam(label = "consumer,mqtt,advanced", defaultValue = "65535")
    private int mqttReceiveMaximum = 65535;
    @UriParam(label = "consumer,mqtt", defaultValue = "true")
    private boolean mqttReconnectOnFailure = true;
    @UriParam(label = "consumer,mqtt", defaultValue = "true")
    private boolean mqttReplyToResponseTopic = true;
    @UriParam(label = "producer,mqtt", defaultValue = "false")
    private boolean mqttRetained;
    @UriParam(label = "security,mqtt")
    private Properties mqttSslClientProps;
    @UriParam(label = "security,mqtt")
    private SocketFactory mqttSocketFactory;
    @UriParam(label = "security,mqtt", defaultValue = "true")
    private boolean mqttHttpsHostnameVerificationEnabled = true;

    public String getMqttBrokerUrl() {
        return mqttBrokerUrl;
    }

    /**
     * mqtt: the broker to connect to, such as tcp://mqtt-abc123-gz.mqtt.tencenttdmq.com:1883 or ssl://host:8883,
     * instead of looking the instance's endpoint up through the management API (DescribeMQTTInsVPCEndpoints or
     * DescribeMQTTInsPublicEndpoints). Together with mqttUsername and mqttPassword, the endpoint makes no API call.
     */
    public void setMqttBrokerUrl(String mqttBrokerUrl) {
        this.mqttBrokerUrl = mqttBrokerUrl;
    }

    public String getMqttEndpointType() {
        return mqttEndpointType;
    }

    /**
     * mqtt: which of the instance's endpoints to look up when mqttBrokerUrl is not set: vpc (DescribeMQTTInsVPCEndpoints,
     * for clients inside the instance's VPC) or public (DescribeMQTTInsPublicEndpoints; the instance needs a public
     * endpoint in status NORMAL, see CreateMQTTInsPublicEndpoint).
     */
    public void setMqttEndpointType(String mqttEndpointType) {
        this.mqttEndpointType = mqttEndpointType;
    }

    public String getMqttTransport() {
        return mqttTransport;
    }

    /**
     * mqtt: which endpoint of the instance to use, by its Type: tcp (mqtt-tcp, tcp://), tls (mqtt-tls, ssl://), ws
     * (mqtt-ws, ws://) or wss (mqtt-wss, wss://). By default the TLS endpoint when the instance lists one, else the TCP
     * one.
     */
    public void setMqttTransport(String mqttTransport) {
        this.mqttTransport = mqttTransport;
    }

    public String getMqttUsername() {
        return mqttUsername;
    }

    /**
     * mqtt: the MQTT user (created with CreateMQTTUser) to log in as. Without mqttPassword, its password is looked up
     * with DescribeMQTTUserList. Without either, the first user of the instance allowed to publish (producers) or to
     * subscribe (consumers) is used.
     */
    public void setMqttUsername(String mqttUsername) {
        this.mqttUsername = mqttUsername;
    }

    public String getMqttPassword() {
        return mqttPassword;
    }

    /**
     * mqtt: the password of mqttUsername; when set, no user is looked up through the management API.
     */
    public void setMqttPassword(String mqttPassword) {
        this.mqttPassword = mqttPassword;
    }

    public String getMqttClientId() {
        return mqttClientId;
    }

    /**
     * mqtt: the MQTT client id. By default one is generated per producer and consumer, which stays the same across its
     * reconnections. Set a stable one, with mqttCleanStart=false, for a session that survives restarts; every client of
     * an instance needs its own id.
     */
    public void setMqttClientId(String mqttClientId) {
        this.mqttClientId = mqttClientId;
    }

    public int getMqttQos() {
        return mqttQos;
    }

    /**
     * mqtt: the quality of service of publishing (producers, overridable per message with the CamelPahoMqtt5Qos header)
     * and of the subscription (consumers): 0 at most once, 1 at least once, 2 exactly once.
     */
    public void setMqttQos(int mqttQos) {
        this.mqttQos = mqttQos;
    }

    public boolean isMqttCleanStart() {
        return mqttCleanStart;
    }

    /**
     * mqtt: whether the first connection starts a new session. false resumes the session of mqttClientId kept by the
     * broker, with its subscriptions and the QoS 1 and 2 messages that arrived meanwhile. Reconnections always resume
     * the session.
     */
    public void setMqttCleanStart(boolean mqttCleanStart) {
        this.mqttCleanStart = mqttCleanStart;
    }

    public long getMqttSessionExpiryInterval() {
        return mqttSessionExpiryInterval;
    }

    /**
     * mqtt: how many seconds the broker keeps the session (subscriptions and unacknowledged messages) after the
     * connection is lost. Must be above 0 for a failed message to be delivered again after a reconnection. A consumer
     * with mqttCleanStart=true ends its session when it stops.
     */
    public void setMqttSessionExpiryInterval(long mqttSessionExpiryInterval) {
        this.mqttSessionExpiryInterval = mqttSessionExpiryInterval;
    }

    public boolean isMqttAutomaticReconnect() {
        return mqttAutomaticReconnect;
    }

    /**
     * mqtt: whether the client reconnects by itself when the connection is lost, waiting 1 second, then twice as long
     * each time up to mqttMaxReconnectDelay.
     */
    public void setMqttAutomaticReconnect(boolean mqttAutomaticReconnect) {
        this.mqttAutomaticReconnect = mqttAutomaticReconnect;
    }

    public int getMqttMaxReconnectDelay() {
        return mqttMaxReconnectDelay;
    }

    /**
     * mqtt: the longest wait between automatic reconnection attempts, in milliseconds.
     */
    public void setMqttMaxReconnectDelay(int mqttMaxReconnectDelay) {
        this.mqttMaxReconnectDelay = mqttMaxReconnectDelay;
    }

    public int getMqttKeepAliveInterval() {
        return mqttKeepAliveInterval;
    }

    /**
     * mqtt: the MQTT keep-alive interval in seconds; 0 disables keep-alive pings.
     */
    public void setMqttKeepAliveInterval(int mqttKeepAliveInterval) {
        this.mqttKeepAliveInterval = mqttKeepAliveInterval;
    }

    public int getMqttConnectionTimeout() {
        return mqttConnectionTimeout;
    }

    /**
     * mqtt: how many seconds to wait for the broker to accept a connection.
     */
    public void setMqttConnectionTimeout(int mqttConnectionTimeout) {
        this.mqttConnectionTimeout = mqttConnectionTimeout;
    }

    public int getMqttReceiveMaximum() {
        return mqttReceiveMaximum;
    }

    /**
     * mqtt: how many QoS 1 and 2 messages the broker may send a consumer before it acknowledges them; messages are
     * acknowledged when their exchange completes, so this bounds the messages in flight in the route.
     */
    public void setMqttReceiveMaximum(int mqttReceiveMaximum) {
        this.mqttReceiveMaximum = mqttReceiveMaximum;
    }

    public boolean isMqttReconnectOnFailure() {
        return mqttReconnectOnFailure;
    }

    /**
     * mqtt: when an exchange fails, its QoS 1 or 2 message is not acknowledged; with this option the consumer then
     * reconnects (resuming its session) so that the broker delivers the message again right away. Otherwise the
     * message waits for the next reconnection, and holds one of the mqttReceiveMaximum slots until then.
     */
    public void setMqttReconnectOnFailure(boolean mqttReconnectOnFailure) {
        this.mqttReconnectOnFailure = mqttReconnectOnFailure;
    }

    public boolean isMqttReplyToResponseTopic() {
        return mqttReplyToResponseTopic;
    }

    /**
     * mqtt: when a message carries an MQTT 5 response topic, publish the exchange's resulting message body to that
     * topic, with the request's correlation data, once the exchange completed (MQTT request/reply).
     */
    public void setMqttReplyToResponseTopic(boolean mqttReplyToResponseTopic) {
        this.mqttReplyToResponseTopic = mqttReplyToResponseTopic;
    }

    public boolean isMqttRetained() {
        return mqttRetained;
    }

    /**
     * mqtt: whether published messages are retained by the broker (overridable per message with the
     * CamelPahoMqtt5Retained header).
     */
    public void setMqttRetained(boolean mqttRetained) {
        this.mqttRetained = mqttRetained;
    }

    public Properties getMqttSslClientProps() {
        return mqttSslClientProps;
    }

    /**
     * mqtt: the TLS settings of Paho (com.ibm.ssl.protocol, com.ibm.ssl.trustStore, com.ibm.ssl.keyStore, ...) for
     * ssl:// and wss:// brokers, such as a trust store with the CA of the instance's bound certificate.
     */
    public void setMqttSslClientProps(Properties mqttSslClientProps) {
        this.mqttSslClientProps = mqttSslClientProps;
    }

    public SocketFactory getMqttSocketFactory() {
        return mqttSocketFactory;
    }

    /**
     * mqtt: a socket factory (such as an SSLSocketFactory with client certificates) to connect with, instead of
     * mqttSslClientProps.
     */
    public void setMqttSocketFactory(SocketFactory mqttSocketFactory) {
        this.mqttSocketFactory = mqttSocketFactory;
    }

    public boolean isMqttHttpsHostnameVerificationEnabled() {
        return mqttHttpsHostnameVerificationEnabled;
    }

    /**
     * mqtt: whether TLS connections check that the broker's certificate names its host.
     */
    public void setMqttHttpsHostnameVerificationEnabled(boolean mqttHttpsHostnameVerificationEnabled) {
        this.mqttHttpsHostnameVerificationEnabled = mqttHttpsHostnameVerificationEnabled;
    }

    public TencentTrocketConfiguration copy() {
        return copyAs(TencentTrocketConfiguration.class);
    }
}
