package io.github.cameliot.cloudapi.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.CredentialsProvider;
import org.junit.jupiter.api.Test;

/** Where Alibaba Cloud credentials come from, with a fake environment. */
class AliyunCredentialsTest {

    static final Map<String, String> ENV = Map.of(
            "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret",
            "ALIBABA_CLOUD_SECURITY_TOKEN", "env-token");
    static final Function<String, String> NO_ENV = name -> null;

    @Test
    void configuredKeysWinOverTheEnvironment() {
        CloudCredentials found = AliyunCredentials.resolve("LTAIconf", "conf-secret", "conf-token", ENV::get).credentials();

        assertThat(found).isEqualTo(new CloudCredentials("LTAIconf", "conf-secret", "conf-token"));
        // a blank token is none; the environment's token does not join configured keys
        assertThat(AliyunCredentials.resolve("LTAIconf", "conf-secret", " ", ENV::get).credentials())
                .isEqualTo(new CloudCredentials("LTAIconf", "conf-secret", null));
        assertThat(AliyunCredentials.resolve("LTAIconf", "conf-secret", null, ENV::get).credentials().hasSecurityToken()).isFalse();
    }

    @Test
    void theEnvironmentWithItsSecurityToken() {
        CloudCredentials found = AliyunCredentials.resolve(null, null, null, ENV::get).credentials();

        assertThat(found).isEqualTo(new CloudCredentials("LTAIenv", "env-secret", "env-token"));
        assertThat(found.hasSecurityToken()).isTrue();

        Map<String, String> withoutToken = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret", "ALIBABA_CLOUD_SECURITY_TOKEN", "");
        assertThat(AliyunCredentials.resolve(" ", "", null, withoutToken::get).credentials())
                .isEqualTo(new CloudCredentials("LTAIenv", "env-secret", null));
    }

    @Test
    void theEnvironmentIsReadOnceWhenResolving() {
        List<String> asked = new ArrayList<>();
        CredentialsProvider provider = AliyunCredentials.resolve(null, null, null, name -> {
            asked.add(name);
            return ENV.get(name);
        });
        int reads = asked.size();
        provider.credentials();
        provider.credentials();

        assertThat(asked).hasSize(reads).contains(AliyunCredentials.ENV_ACCESS_KEY_ID, AliyunCredentials.ENV_ACCESS_KEY_SECRET);
    }

    @Test
    void halfAConfiguredKeyPairIsAnErrorThatDoesNotShowTheOtherHalf() {
        assertThatThrownBy(() -> AliyunCredentials.resolve("LTAIconf", null, null, ENV::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("accessKeySecret is missing: set both accessKeyId and accessKeySecret");
        assertThatThrownBy(() -> AliyunCredentials.resolve(" ", "conf-secret", null, ENV::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("accessKeyId is missing: set both accessKeyId and accessKeySecret")
                .hasMessageNotContaining("conf-secret");
    }

    @Test
    void noCredentialsAnywhereNamesTheOptionsAndTheVariables() {
        assertThatThrownBy(() -> AliyunCredentials.resolve(null, null, null, NO_ENV))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accessKeyId").hasMessageContaining("accessKeySecret")
                .hasMessageContaining("ALIBABA_CLOUD_ACCESS_KEY_ID").hasMessageContaining("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        // half a pair in the environment is none
        Map<String, String> half = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv");
        assertThatThrownBy(() -> AliyunCredentials.resolve(null, null, null, half::get)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("LTAIenv");
        // a token alone is no key
        Map<String, String> token = Map.of("ALIBABA_CLOUD_SECURITY_TOKEN", "tok");
        assertThatThrownBy(() -> AliyunCredentials.resolve(null, null, "tok", token::get)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCredentialsNeverShowTheSecretOrToken() {
        CloudCredentials found = AliyunCredentials.resolve(null, null, null, ENV::get).credentials();
        assertThat(found.toString()).doesNotContain("env-secret").doesNotContain("env-token").doesNotContain("LTAIenv");
    }
}
