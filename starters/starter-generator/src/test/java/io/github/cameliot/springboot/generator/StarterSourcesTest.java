package io.github.cameliot.springboot.generator;

import org.apache.camel.tooling.model.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's rules on a small component model: what becomes an initializer, a converter pair and a masked
 * secret. The starters' own tests check the generated code in a running application.
 */
class StarterSourcesTest {

    static final String COMPONENT = """
            {
              "component": { "kind": "component", "name": "demo", "scheme": "demo", "javaType": "org.example.demo.DemoComponent",
                "description": "Talks to Demo." },
              "componentProperties": {
                "region": { "index": 0, "kind": "property", "type": "string", "javaType": "java.lang.String",
                  "defaultValue": "eu \\"1\\"", "description": "The region" },
                "readTimeout": { "index": 1, "kind": "property", "type": "duration", "javaType": "long", "defaultValue": "10s",
                  "description": "How long to wait." },
                "ssl": { "index": 2, "kind": "property", "type": "boolean", "javaType": "java.lang.Boolean", "defaultValue": false,
                  "description": "TLS; when left out, decided by the endpoint." },
                "secretKey": { "index": 3, "kind": "property", "type": "string", "javaType": "java.lang.String", "secret": true,
                  "description": "The key." },
                "stateRepository": { "index": 4, "kind": "property", "type": "object",
                  "javaType": "org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>", "description": "Where state goes." },
                "login": { "index": 5, "kind": "property", "type": "object", "javaType": "java.util.Map<java.lang.String, java.lang.Object>",
                  "description": "Login parameters." }
              },
              "properties": {}
            }
            """;

    final StarterSources sources = new StarterSources(JsonMapper.generateComponentModel(COMPONENT));

    @Test
    void namesThePackageAndClassesAfterTheComponent() {
        assertThat(sources.packageName()).isEqualTo("org.example.demo.springboot");
        assertThat(sources.javaSources()).containsOnlyKeys("DemoComponentConfiguration", "DemoComponentAutoConfiguration",
                "DemoComponentConverter");
        assertThat(sources.autoConfigurationImports()).isEqualTo("""
                org.example.demo.springboot.DemoComponentAutoConfiguration
                org.example.demo.springboot.DemoComponentConverter
                """);
    }

    @Test
    void initializesFromDefaultsExceptWhereTheComponentTellsNullApart() {
        String configuration = sources.javaSources().get("DemoComponentConfiguration");

        assertThat(configuration).contains("@ConfigurationProperties(prefix = \"camel.component.demo\")")
                .contains("private String region = \"eu \\\"1\\\"\";")
                .contains("private Long readTimeout = 10000L;")
                .contains("private Boolean ssl;")
                .contains("private org.apache.camel.spi.StateRepository<String, String> stateRepository;")
                .contains("private java.util.Map<String, Object> login;")
                .contains("How long to wait. The value is in milliseconds.")
                .contains("Where state goes. The option is a org.apache.camel.spi.StateRepository<java.lang.String,")
                .contains("The key. " + StarterOption.SECRET_NOTE);
    }

    @Test
    void convertsBeanReferencesOnlyForObjectsSpringBootCannotBind() {
        assertThat(sources.javaSources().get("DemoComponentConverter"))
                .contains("new ConvertiblePair(String.class, org.apache.camel.spi.StateRepository.class)")
                .doesNotContain("java.util.Map");
    }

    @Test
    void masksTheSecretOptionsInTheirCanonicalForm() {
        assertThat(sources.javaSources().get("DemoComponentAutoConfiguration"))
                .contains("PREFIX = \"camelcomponentdemo\"")
                .contains("SECRETS = List.of(\n                \"secretkey\");");
    }
}
