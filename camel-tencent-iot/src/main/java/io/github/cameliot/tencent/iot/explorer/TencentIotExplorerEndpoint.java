package io.github.cameliot.tencent.iot.explorer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.cameliot.cloudapi.ActionCatalog;
import io.github.cameliot.cloudapi.ActionSpec;
import io.github.cameliot.cloudapi.ApiResult;
import io.github.cameliot.cloudapi.camel.CloudApiEndpoint;
import io.github.cameliot.cloudapi.tencent.ExplorerAppApiProtocol;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.PropertiesHelper;

/**
 * Call any action of the Tencent IoT Explorer application API (users, families, rooms, device binding and control,
 * sharing, timers, scenes, firmware), with the user's access token kept valid, and receive device changes pushed over
 * the long connection.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tencent-iot-explorer", title = "Tencent IoT Explorer",
             syntax = "tencent-iot-explorer:action", category = { Category.CLOUD, Category.IOT },
             headersClass = TencentIotExplorerConstants.class)
public class TencentIotExplorerEndpoint extends CloudApiEndpoint {

    static final String PUSH = "push";
    static final String LOGIN_PREFIX = "login.";

    @UriPath(description = "Producer: the application API action to call, spelled as in the API, such as "
                           + "AppControlDeviceData or AppGetFamilyDeviceList; actions the component does not list are "
                           + "callable by name too. Consumer: push, to receive device changes over the long connection.")
    @Metadata(required = true)
    private String action;
    @UriParam
    private TencentIotExplorerConfiguration configuration;
    private TencentIotExplorerClient client;
    private TencentIotExplorerTokens tokens;

    public TencentIotExplorerEndpoint(String uri, TencentIotExplorerComponent component,
                                      TencentIotExplorerConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public TencentIotExplorerComponent getComponent() {
        return (TencentIotExplorerComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TencentIotExplorerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!PUSH.equals(action)) {
            throw new IllegalArgumentException("tencent-iot-explorer consumes '" + PUSH + "', not '" + action
                                               + "': API actions are called with to(\"tencent-iot-explorer:" + action + "\")");
        }
        Consumer consumer = new TencentIotExplorerPushConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("The tencent-iot-explorer endpoint needs an action, such as "
                                               + "tencent-iot-explorer:AppGetFamilyList or tencent-iot-explorer:push");
        }
    }

    /** Takes the login.* options as the login action's parameters. */
    @Override
    public void configureProperties(Map<String, Object> options) {
        super.configureProperties(options);
        Map<String, Object> login = PropertiesHelper.extractProperties(options, LOGIN_PREFIX);
        if (!login.isEmpty()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (configuration.getLoginParameters() != null) {
                parameters.putAll(configuration.getLoginParameters());
            }
            parameters.putAll(login);
            configuration.setLoginParameters(parameters);
        }
    }

    private Set<String> appApiActions() {
        Set<String> actions = new HashSet<>(TencentIotExplorerActions.APP_API_ACTIONS);
        if (configuration.getLoginAction() != null && !configuration.getLoginAction().isBlank()) {
            actions.add(configuration.getLoginAction().trim());
        }
        if (configuration.getAppApiActions() != null) {
            for (String name : configuration.getAppApiActions().split(",")) {
                if (!name.isBlank()) {
                    actions.add(name.trim());
                }
            }
        }
        return Set.copyOf(actions);
    }

    /** Whether the action is called before login, signed, on appapi; all others need the AccessToken. */
    boolean isAppApi(String action) {
        return appApiActions().contains(action);
    }

    private TencentIotExplorerClient createClient() {
        Set<String> signed = appApiActions();
        ExplorerAppApiProtocol protocol = new ExplorerAppApiProtocol(
                ExplorerAppApiProtocol.baseUrl(configuration.getPlatform(), configuration.getEndpoint()),
                configuration.getAppKey(), configuration.getAppSecret(), signed::contains);
        return getComponent().newClient(configuration, protocol, TencentIotExplorerClient::new);
    }

    /** The client, built on first use. */
    synchronized TencentIotExplorerClient getClient() {
        if (client == null) {
            client = configuration.getClient() != null ? configuration.getClient() : createClient();
        }
        return client;
    }

    ActionCatalog getCatalog() {
        return TencentIotExplorerActions.CATALOG;
    }

    private synchronized TencentIotExplorerTokens tokens() {
        if (tokens == null) {
            Map<String, Object> login = configuration.getLoginParameters();
            boolean canLogin = login != null && !login.isEmpty() && configuration.getLoginAction() != null
                               && !configuration.getLoginAction().isBlank();
            List<Object> user = Arrays.asList(ExplorerAppApiProtocol.baseUrl(configuration.getPlatform(),
                    configuration.getEndpoint()), configuration.getAppKey(), configuration.getAccessToken(),
                    canLogin ? configuration.getLoginAction() : null, canLogin ? Map.copyOf(login) : null,
                    configuration.getTokenRefreshMargin());
            tokens = getComponent().tokens(user, () -> new TencentIotExplorerTokens(configuration.getAccessToken(),
                    canLogin ? this::login : null, configuration.getTokenRefreshMargin() * 1000,
                    System::currentTimeMillis));
        }
        return tokens;
    }

    private CompletableFuture<ApiResult> login() {
        ActionSpec spec = getCatalog().spec(configuration.getLoginAction().trim());
        Map<String, Object> parameters = new LinkedHashMap<>(configuration.getLoginParameters());
        spec.checkRequired(parameters);
        return getClient().call(spec, parameters);
    }

    /**
     * The user's current valid AccessToken: the one supplied with the accessToken option, else the one the login
     * action answered, kept until its ExpireAt less tokenRefreshMargin. Concurrent callers share one login.
     */
    public CompletableFuture<String> accessToken() {
        return tokens().accessToken();
    }

    /** Forgets a token the API rejected, so that the next {@link #accessToken()} logs in again. */
    public void tokenRejected(String token) {
        tokens().rejected(token);
    }

    /** Whether a rejected token can be replaced by logging in (the login parameters are set). */
    boolean canLogin() {
        return tokens().canLogin();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public TencentIotExplorerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TencentIotExplorerConfiguration configuration) {
        this.configuration = configuration;
    }
}
