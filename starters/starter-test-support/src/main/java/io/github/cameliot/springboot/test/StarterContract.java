package io.github.cameliot.springboot.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every starter promises, checked by each starter's test application (a class extending this one, beside a
 * {@code @SpringBootApplication}, with the component configured in its {@code application.yaml}):
 * <ul>
 * <li>every component option of the component's metadata is a property with a description in the built starter's
 * {@code META-INF/spring-configuration-metadata.json}, and exactly the secret ones are marked secret there;</li>
 * <li>the configured secret does not show in clear text in the actuator's configprops and env endpoints, although
 * these show values here, nor would it as an environment variable.</li>
 * </ul>
 */
@SpringBootTest(properties = {
        "management.endpoints.web.exposure.include=configprops,env",
        "management.endpoint.configprops.show-values=always",
        "management.endpoint.env.show-values=always" })
public abstract class StarterContract {

    /** What the starter's generator appends to a secret option's description. */
    static final String SECRET_NOTE = "The option is a secret: the actuator masks its value.";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String scheme;
    private final Class<?> configurationClass;
    private final String secretOption;

    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ConfigurationPropertiesReportEndpoint configprops;
    @Autowired
    private EnvironmentEndpoint env;
    @Autowired
    private Environment environment;
    @Autowired
    private List<SanitizingFunction> sanitizers;

    /**
     * @param configurationClass the starter's generated configuration class
     * @param secretOption       a secret option the test application configures, such as {@code secretKey}
     */
    protected StarterContract(String scheme, Class<?> configurationClass, String secretOption) {
        this.scheme = scheme;
        this.configurationClass = configurationClass;
        this.secretOption = secretOption;
    }

    @Test
    void everyComponentOptionIsADocumentedPropertyWithTheSecretsMarked() throws Exception {
        Map<String, String> descriptions = new HashMap<>();
        for (JsonNode property : MAPPER.readTree(Files.readString(builtMetadata())).path("properties")) {
            descriptions.put(property.path("name").asText(), property.path("description").asText(""));
        }
        assertThat(descriptions.get(prefix() + ".enabled")).startsWith("Whether to enable auto configuration");

        JsonNode options = MAPPER.readTree(((CatalogCamelContext) camelContext).getComponentParameterJsonSchema(scheme))
                .path("componentProperties");
        assertThat(options.size()).isPositive();
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            String description = descriptions.get(property(option.getKey()));
            assertThat(description).as(property(option.getKey())).isNotBlank();
            assertThat(description.endsWith(SECRET_NOTE)).as("secret: " + property(option.getKey()))
                    .isEqualTo(option.getValue().path("secret").asBoolean());
        }
    }

    @Test
    void theConfiguredSecretIsMaskedWhereTheActuatorShowsValues() {
        String secret = environment.getProperty(property(secretOption));
        assertThat(secret).as("the test application configures " + property(secretOption)).isNotBlank();

        ConfigurationPropertiesBeanDescriptor bean = configprops.configurationPropertiesWithPrefix(prefix()).getContexts().values()
                .stream().flatMap(context -> context.getBeans().values().stream()).findFirst().orElseThrow();
        assertThat(bean.getProperties()).containsEntry(secretOption, SanitizableData.SANITIZED_VALUE)
                // values are shown: the mask is the secret marking's doing
                .containsEntry("lazyStartProducer", false);
        assertThat(bean.getProperties() + " " + bean.getInputs()).doesNotContain(secret);

        assertThat(env.environmentEntry(property(secretOption)).getProperty().getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        // the same property as an environment variable, such as CAMEL_COMPONENT_TENCENTIOT_SECRETKEY
        SanitizableData variable = new SanitizableData(null, property(secretOption).replace("-", "").replace('.', '_')
                .toUpperCase(Locale.ROOT), secret);
        assertThat(sanitizers).anySatisfy(sanitizer -> assertThat(sanitizer.applyUnlessFiltered(variable).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE));
    }

    private String prefix() {
        return "camel.component." + scheme;
    }

    /** The option's Spring Boot property, in the dashed form of the configuration processor. */
    private String property(String option) {
        StringBuilder dashed = new StringBuilder(prefix()).append('.');
        for (char c : option.toCharArray()) {
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            } else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    /** The metadata the configuration processor wrote beside the starter's classes. */
    private Path builtMetadata() throws Exception {
        return Path.of(configurationClass.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("META-INF/spring-configuration-metadata.json");
    }
}
