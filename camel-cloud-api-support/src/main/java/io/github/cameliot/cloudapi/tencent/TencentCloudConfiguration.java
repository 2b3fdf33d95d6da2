package io.github.cameliot.cloudapi.tencent;

import java.nio.file.Path;

import io.github.cameliot.cloudapi.CredentialsProvider;
import io.github.cameliot.cloudapi.camel.CloudApiConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options every Tencent Cloud component has: the API key (or STS credentials, the profile file, a provider) and
 * the language of error messages, on top of {@link CloudApiConfiguration}'s. Descriptions are in the annotations, as
 * there.
 */
@UriParams
public abstract class TencentCloudConfiguration extends CloudApiConfiguration {

    @UriParam(label = "security", secret = true,
              description = "The SecretId of the API key. When neither this nor secretKey is set, the TENCENTCLOUD_SECRET_ID"
                            + " and TENCENTCLOUD_SECRET_KEY environment variables are used, then the profile file.")
    private String secretId;
    @UriParam(label = "security", secret = true, description = "The SecretKey of the API key.")
    private String secretKey;
    @UriParam(label = "security", secret = true,
              description = "The token of temporary (STS) credentials, sent as X-TC-Token; secretId and secretKey are then"
                            + " the temporary key pair. From the environment: TENCENTCLOUD_SESSION_TOKEN.")
    private String sessionToken;
    @UriParam(label = "security",
              description = "The Tencent Cloud credentials file to read when no key is configured and none is in the"
                            + " environment. By default .tencentcloud/credentials in the user's home, then"
                            + " /etc/tencentcloud/credentials (INI sections with secret_id, secret_key and optionally"
                            + " token).")
    private String profileFile;
    @UriParam(label = "security", defaultValue = "default", description = "The section of the credentials file to use.")
    private String profile = "default";
    @UriParam(label = "security",
              description = "A provider asked for the credentials before every call, such as one that refreshes STS"
                            + " credentials. Takes precedence over the keys, the environment and the profile file.")
    private CredentialsProvider credentialsProvider;
    @UriParam(enums = "zh-CN,en-US", description = "The language of error messages, sent as X-TC-Language: zh-CN or en-US.")
    private String language;

    /**
     * The credentials: the configured provider, else the first of the keys, the environment and the profile file.
     *
     * @throws IllegalStateException naming every place looked in, when none has credentials
     */
    public CredentialsProvider credentials() {
        return credentialsProvider != null
                ? credentialsProvider
                : TencentCredentials.resolve(secretId, secretKey, sessionToken, profileFile, profile, System::getenv,
                        Path.of(System.getProperty("user.home")));
    }

    public String getSecretId() {
        return secretId;
    }

    public void setSecretId(String secretId) {
        this.secretId = secretId;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public String getProfileFile() {
        return profileFile;
    }

    public void setProfileFile(String profileFile) {
        this.profileFile = profileFile;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public CredentialsProvider getCredentialsProvider() {
        return credentialsProvider;
    }

    public void setCredentialsProvider(CredentialsProvider credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
