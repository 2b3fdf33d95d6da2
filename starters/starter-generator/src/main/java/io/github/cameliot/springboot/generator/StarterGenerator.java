package io.github.cameliot.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * Writes the generated part of a Spring Boot starter for one Camel component, from the component's JSON metadata
 * (what camel-package-maven-plugin generated into the component's jar), the way camel-spring-boot-generator-maven-plugin
 * writes Camel's own starters: the configuration properties class, the auto-configuration, the converter of bean
 * references and the auto-configuration imports. A file is only written when its content changes.
 * <p>
 * The build runs it with the component on the class path: {@code StarterGenerator <scheme> <the starter's src/main>}.
 */
public final class StarterGenerator {

    private static final String SERVICES = "META-INF/services/org/apache/camel/component/";
    private static final String IMPORTS
            = "resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private StarterGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StarterGenerator <scheme> <src/main directory>");
        }
        StarterSources sources = new StarterSources(load(args[0]));
        Path main = Path.of(args[1]);
        Path java = main.resolve("java").resolve(sources.packageName().replace('.', '/'));
        for (Map.Entry<String, String> source : sources.javaSources().entrySet()) {
            writeIfChanged(java.resolve(source.getKey() + ".java"), source.getValue());
        }
        writeIfChanged(main.resolve(IMPORTS), sources.autoConfigurationImports());
    }

    /** The component's model: its class from the component's service file, its JSON beside that class's package. */
    static ComponentModel load(String scheme) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Properties service = new Properties();
        try (InputStream in = open(loader, SERVICES + scheme)) {
            service.load(in);
        }
        String componentClass = service.getProperty("class");
        String json = "META-INF/" + componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/') + "/" + scheme
                      + ".json";
        try (InputStream in = open(loader, json)) {
            return JsonMapper.generateComponentModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path: the starter must depend on the component");
        }
        return in;
    }

    private static void writeIfChanged(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
