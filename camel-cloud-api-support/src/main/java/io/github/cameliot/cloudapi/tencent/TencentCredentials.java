package io.github.cameliot.cloudapi.tencent;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.cameliot.cloudapi.CloudCredentials;
import io.github.cameliot.cloudapi.CredentialsProvider;

/**
 * Where Tencent Cloud credentials come from, in the order the official SDKs look: keys given in the configuration,
 * the environment ({@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY}, {@code TENCENTCLOUD_SESSION_TOKEN}),
 * then the profile file ({@code ~/.tencentcloud/credentials}, then {@code /etc/tencentcloud/credentials}: an INI file
 * whose profile section has {@code secret_id}, {@code secret_key} and optionally {@code token}).
 */
public final class TencentCredentials {

    public static final String ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    public static final String ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    public static final String ENV_SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";
    public static final String DEFAULT_PROFILE = "default";

    private TencentCredentials() {
    }

    /**
     * The credentials found first, looked up once.
     *
     * @param secretId     the configured key id, or {@code null}
     * @param secretKey    the configured key, or {@code null}
     * @param sessionToken the configured STS token, or {@code null}
     * @param profileFile  the profile file to read, or {@code null} for the SDKs' default places
     * @param profile      the profile's section, or {@code null} for {@code default}
     * @param environment  the environment variables ({@code System::getenv})
     * @param userHome     the user's home directory
     * @throws IllegalStateException naming every place looked in, when none has credentials
     */
    public static CredentialsProvider resolve(
            String secretId, String secretKey, String sessionToken, String profileFile, String profile,
            Function<String, String> environment, Path userHome) {
        CloudCredentials found = find(secretId, secretKey, sessionToken, profileFile, profile, environment, userHome);
        return () -> found;
    }

    static CloudCredentials find(
            String secretId, String secretKey, String sessionToken, String profileFile, String profile,
            Function<String, String> environment, Path userHome) {
        if (present(secretId) || present(secretKey)) {
            if (!present(secretId) || !present(secretKey)) {
                throw new IllegalStateException((present(secretId) ? "secretKey" : "secretId")
                                                + " is missing: set both secretId and secretKey");
            }
            return new CloudCredentials(secretId, secretKey, blankToNull(sessionToken));
        }
        String envId = environment.apply(ENV_SECRET_ID);
        String envKey = environment.apply(ENV_SECRET_KEY);
        if (present(envId) && present(envKey)) {
            return new CloudCredentials(envId, envKey, blankToNull(environment.apply(ENV_SESSION_TOKEN)));
        }
        List<Path> files = new ArrayList<>();
        if (present(profileFile)) {
            files.add(Path.of(profileFile));
        } else {
            files.add(userHome.resolve(".tencentcloud").resolve("credentials"));
            files.add(Path.of("/etc/tencentcloud/credentials"));
        }
        String section = present(profile) ? profile : DEFAULT_PROFILE;
        for (Path file : files) {
            if (Files.isReadable(file)) {
                Map<String, String> values = IniFile.section(read(file), section);
                String id = values.get("secret_id");
                String key = values.get("secret_key");
                if (present(id) && present(key)) {
                    return new CloudCredentials(id, key, blankToNull(values.get("token")));
                }
                throw new IllegalStateException("The profile [" + section + "] of " + file + " has no secret_id and secret_key");
            }
        }
        throw new IllegalStateException("No Tencent Cloud credentials: set secretId and secretKey, or the environment variables "
                                        + ENV_SECRET_ID + " and " + ENV_SECRET_KEY + ", or a profile file (looked in " + files + ")");
    }

    private static String read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0;) {
                sb.append(buffer, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value : null;
    }
}
