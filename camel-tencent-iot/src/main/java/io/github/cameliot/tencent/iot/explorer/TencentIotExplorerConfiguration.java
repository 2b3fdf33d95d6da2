package io.github.cameliot.tencent.iot.explorer;

import java.util.Map;

import io.github.cameliot.cloudapi.camel.CloudApiConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

@UriParams
public class TencentIotExplorerConfiguration extends CloudApiConfiguration {

    @UriParam(label = "security", secret = true)
    private String appKey;
    @UriParam(label = "security", secret = true)
    private String appSecret;

    public String getAppKey() {
        return appKey;
    }

    /**
     * The AppKey of the application (console: development center, application development), sent with the actions
     * that are called before login and with the long connection's requests.
     */
    public void setAppKey(String appKey) {
        this.appKey = appKey;
    }

    public String getAppSecret() {
        return appSecret;
    }

    /**
     * The AppSecret of the application: the key of the request signature of the actions called before login.
     */
    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    // ---- application API and token (producer)

    @UriParam(enums = "domestic,overseas", defaultValue = "domestic")
    private String platform = "domestic";
    @UriParam
    private String endpoint;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "security", defaultValue = TencentIotExplorerActions.APP_GET_TOKEN_BY_WEIXIN)
    private String loginAction = TencentIotExplorerActions.APP_GET_TOKEN_BY_WEIXIN;
    @UriParam(label = "security", prefix = "login.", multiValue = true)
    private Map<String, Object> loginParameters;
    @UriParam(label = "security", defaultValue = "60")
    private long tokenRefreshMargin = 60;
    @UriParam(label = "advanced")
    private String appApiActions;
    @UriParam(label = "producer")
    private String productId;
    @UriParam(label = "producer")
    private String deviceName;
    @UriParam(label = "producer")
    private boolean paginate;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private TencentIotExplorerClient client;

    public String getPlatform() {
        return platform;
    }

    /**
     * The platform of the application: domestic (China mainland, iot.cloud.tencent.com) or overseas
     * (oversea.iotcloud.tencentiotcloud.com).
     */
    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * A base URL that replaces the platform's https://.../api/exploreropen/ (a proxy, a test server); the actions go
     * to appapi and tokenapi under it.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * An AccessToken the application already holds (from its own login). It is used until the API rejects it; then
     * the login action runs, when its parameters are set.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getLoginAction() {
        return loginAction;
    }

    /**
     * The action that logs the user in and answers Token and ExpireAt; called on the signed appapi endpoint with the
     * login parameters.
     */
    public void setLoginAction(String loginAction) {
        this.loginAction = loginAction;
    }

    public Map<String, Object> getLoginParameters() {
        return loginParameters;
    }

    /**
     * The parameters of the login action, such as WxOpenID, NickName and Avatar for AppGetTokenByWeiXin; in a URI
     * login.WxOpenID=...&login.NickName=.... Without them, and without an accessToken, only the actions called
     * before login (AppApiPublishMessage) work.
     */
    public void setLoginParameters(Map<String, Object> loginParameters) {
        this.loginParameters = loginParameters;
    }

    public long getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /**
     * Seconds before the token's ExpireAt at which it is no longer used and the login runs again.
     */
    public void setTokenRefreshMargin(long tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    public String getAppApiActions() {
        return appApiActions;
    }

    /**
     * More actions, comma-separated, to call before login on the signed appapi endpoint (besides AppGetTokenByWeiXin,
     * AppApiPublishMessage and the login action), such as undocumented registration actions.
     */
    public void setAppApiActions(String appApiActions) {
        this.appApiActions = appApiActions;
    }

    public String getProductId() {
        return productId;
    }

    /**
     * The product id, used by every action that requires ProductId (or DeviceId) when the message leaves it out.
     */
    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getDeviceName() {
        return deviceName;
    }

    /**
     * The device name, used by every action that requires DeviceName (or DeviceId) when the message leaves it out.
     */
    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * List actions paged with Offset and Limit (families, rooms, members, devices, timers, scenes, shares): fetch
     * every page and answer with all items in one list.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public TencentIotExplorerClient getClient() {
        return client;
    }

    /**
     * A client to use instead of one built from this configuration.
     */
    public void setClient(TencentIotExplorerClient client) {
        this.client = client;
    }

    // ---- long connection (push consumer)

    /** The long connection of the China mainland platform, as the documentation gives it. */
    public static final String DEFAULT_PUSH_URL = "wss://iot.cloud.tencent.com/iotstudio_v2_weapp_1";

    @UriParam(label = "consumer")
    private String deviceIds;
    @UriParam(label = "consumer", defaultValue = DEFAULT_PUSH_URL)
    private String pushUrl = DEFAULT_PUSH_URL;
    @UriParam(label = "consumer", defaultValue = "60000", javaType = "java.time.Duration")
    private long heartbeatInterval = 60000;
    @UriParam(label = "consumer,advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long reconnectInitialDelay = 2000;
    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long reconnectMaxDelay = 60000;

    public String getDeviceIds() {
        return deviceIds;
    }

    /**
     * push: the devices to receive the changes of, comma-separated, each as ProductId/DeviceName. They must be bound
     * to, or shared with, the user whose access token the consumer uses; the consumer warns about any that the long
     * connection did not register.
     */
    public void setDeviceIds(String deviceIds) {
        this.deviceIds = deviceIds;
    }

    public String getPushUrl() {
        return pushUrl;
    }

    /**
     * push: the WebSocket address of the long connection. The default is the China mainland platform's; the
     * documentation gives none for the overseas platform.
     */
    public void setPushUrl(String pushUrl) {
        this.pushUrl = pushUrl;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * push: how often the heartbeat (AppDeviceTraceHeartBeat) keeps the devices' registration and the connection
     * alive; the documentation asks for one every 60 s. A heartbeat still unanswered when the next one is due counts
     * the connection as lost.
     */
    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /**
     * push: the wait before connecting again after the connection failed, was lost or registered no device; each
     * further failure doubles it, up to reconnectMaxDelay. Every attempt asks for the access token again and
     * registers the devices again.
     */
    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /**
     * push: the longest wait between two connection attempts. The consumer never gives up.
     */
    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public TencentIotExplorerConfiguration copy() {
        return copyAs(TencentIotExplorerConfiguration.class);
    }
}
