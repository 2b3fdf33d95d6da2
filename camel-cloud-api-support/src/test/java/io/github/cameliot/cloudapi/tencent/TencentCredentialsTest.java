package io.github.cameliot.cloudapi.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import io.github.cameliot.cloudapi.CloudCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TencentCredentialsTest {

    static final Map<String, String> ENV = Map.of(
            "TENCENTCLOUD_SECRET_ID", "AKIDenv",
            "TENCENTCLOUD_SECRET_KEY", "env-secret",
            "TENCENTCLOUD_SESSION_TOKEN", "env-token");
    static final Function<String, String> NO_ENV = name -> null;

    @TempDir
    Path home;

    @Test
    void configuredKeysWin() throws Exception {
        Path file = profileFile("[default]\nsecret_id = AKIDfile\nsecret_key = file-secret\n");

        CloudCredentials found = TencentCredentials.resolve("AKIDconf", "conf-secret", "conf-token", file.toString(), null, ENV::get, home)
                .credentials();

        assertThat(found).isEqualTo(new CloudCredentials("AKIDconf", "conf-secret", "conf-token"));
        assertThat(TencentCredentials.resolve("AKIDconf", "conf-secret", " ", null, null, ENV::get, home).credentials())
                .isEqualTo(new CloudCredentials("AKIDconf", "conf-secret", null));
    }

    @Test
    void onlyOneConfiguredKeyIsAnError() {
        assertThatThrownBy(() -> TencentCredentials.resolve("AKIDconf", null, null, null, null, ENV::get, home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secretKey is missing: set both secretId and secretKey");
        assertThatThrownBy(() -> TencentCredentials.resolve(" ", "conf-secret", null, null, null, ENV::get, home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secretId is missing: set both secretId and secretKey")
                .hasMessageNotContaining("conf-secret");
    }

    @Test
    void environmentWithSessionToken() {
        CloudCredentials found = TencentCredentials.resolve(null, null, null, null, null, ENV::get, home).credentials();

        assertThat(found).isEqualTo(new CloudCredentials("AKIDenv", "env-secret", "env-token"));
        assertThat(found.hasSecurityToken()).isTrue();
        // an id without a key in the environment does not count
        Map<String, String> half = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDenv");
        assertThatThrownBy(() -> TencentCredentials.resolve(null, null, null, home.resolve("none").toString(), null, half::get, home))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultProfileOfTheGivenFile() throws Exception {
        Path file = profileFile("""
                # Tencent Cloud credentials
                [default]
                secret_id = AKIDdefault
                secret_key = default-secret

                [ci]
                secret_id=AKIDci
                ; a comment
                secret_key=ci-secret
                token=ci-token
                """);

        assertThat(TencentCredentials.resolve(null, null, null, file.toString(), null, NO_ENV, home).credentials())
                .isEqualTo(new CloudCredentials("AKIDdefault", "default-secret", null));
        assertThat(TencentCredentials.resolve(null, null, null, file.toString(), "ci", NO_ENV, home).credentials())
                .isEqualTo(new CloudCredentials("AKIDci", "ci-secret", "ci-token"));
        assertThatThrownBy(() -> TencentCredentials.resolve(null, null, null, file.toString(), "prod", NO_ENV, home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[prod]")
                .hasMessageNotContaining("secret_key =");
    }

    @Test
    void profileInTheUserHome() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".tencentcloud"));
        Files.writeString(dir.resolve("credentials"), "[default]\nsecret_id = AKIDhome\nsecret_key = home-secret\ntoken = home-token\n");

        assertThat(TencentCredentials.resolve(null, null, null, null, null, NO_ENV, home).credentials())
                .isEqualTo(new CloudCredentials("AKIDhome", "home-secret", "home-token"));
        // the environment comes before the profile file
        assertThat(TencentCredentials.resolve(null, null, null, null, null, ENV::get, home).credentials().accessKeyId())
                .isEqualTo("AKIDenv");
    }

    @Test
    void nothingFoundNamesWhereToPutThem() {
        assumeFalse(Files.exists(Path.of("/etc/tencentcloud/credentials")), "this machine has a system-wide profile file");

        assertThatThrownBy(() -> TencentCredentials.resolve(null, null, null, null, null, NO_ENV, home))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TENCENTCLOUD_SECRET_ID")
                .hasMessageContaining("TENCENTCLOUD_SECRET_KEY")
                .hasMessageContaining(home.resolve(".tencentcloud").resolve("credentials").toString());
    }

    @Test
    void toStringShowsNeitherSecretNorToken() {
        CloudCredentials credentials = new CloudCredentials("AKIDz8krbsJ5yKBZQpn74WFkmLPx3", "very-secret-key", "session-token-123");

        assertThat(credentials.toString())
                .doesNotContain("very-secret-key")
                .doesNotContain("session-token-123")
                .doesNotContain("z8krbsJ5")
                .contains("AKID****");
        assertThat(new CloudCredentials("AKIDx", "k").toString()).doesNotContain("securityToken");
    }

    private Path profileFile(String text) throws Exception {
        Path file = home.resolve("credentials.ini");
        Files.writeString(file, text);
        return file;
    }
}
