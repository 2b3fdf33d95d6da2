package io.github.cameliot.springboot.generator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;

/**
 * One component option as a property of the starter's configuration class, typed and documented as
 * camel-spring-boot-generator-maven-plugin does it.
 */
record StarterOption(ComponentOptionModel option) {

    /** Appended to a secret option's description, so that IDEs show it and the metadata marks it. */
    static final String SECRET_NOTE = "The option is a secret: the actuator masks its value.";

    /** Wrapper types, so that null means that the option has not been configured. */
    private static final Map<String, String> WRAPPERS = Map.of("boolean", "Boolean", "char", "Character", "long", "Long",
            "int", "Integer", "byte", "Byte", "short", "Short", "double", "Double", "float", "Float");

    String name() {
        return option.getName();
    }

    String capitalizedName() {
        return Character.toUpperCase(name().charAt(0)) + name().substring(1);
    }

    String fieldType() {
        return WRAPPERS.getOrDefault(option.getJavaType(), option.getJavaType().replaceAll("\\bjava\\.lang\\.(?=[A-Z])", ""));
    }

    /** The type without its type arguments, as a converter names it. */
    String rawType() {
        String type = option.getJavaType();
        return type.contains("<") ? type.substring(0, type.indexOf('<')) : type;
    }

    boolean deprecated() {
        return option.isDeprecated();
    }

    /**
     * An object Spring Boot cannot bind from text, so that the converter resolves it from a bean reference
     * ({@code #bean:name} or {@code #name}); collections, java.time types and enumerations bind as they are.
     */
    boolean complex() {
        String type = option.getJavaType();
        return "object".equals(option.getType()) && !hasEnums() && !"java.lang.Object".equals(type)
               && !type.startsWith("java.util.Map") && !type.startsWith("java.util.List") && !type.startsWith("java.util.Set")
               && !type.startsWith("java.time");
    }

    String description() {
        StringBuilder text = new StringBuilder(option.getDescription() == null ? "" : option.getDescription().trim());
        if (complex()) {
            sentence(text, "The option is a " + option.getJavaType() + " type.");
        } else if ("duration".equals(option.getType())) {
            // a number: Spring Boot binds the property to the option's long or int
            sentence(text, "The value is in milliseconds.");
        }
        if (option.isSecret()) {
            sentence(text, SECRET_NOTE);
        }
        return text.toString();
    }

    /**
     * The field's initializer: the option's default value, or null where there is none or where the component's own
     * type is a wrapper. There null is a setting of its own (tencent-trocket's {@code ssl}: TLS decided by the access
     * point), which a default copied onto the component would override.
     */
    String initializer() {
        Object value = option.getDefaultValue();
        String type = option.getJavaType();
        if (value == null || value.toString().isEmpty() || type.startsWith("java.lang.") && !"java.lang.String".equals(type)) {
            return null;
        }
        String text = value.toString();
        if ("java.lang.String".equals(type)) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if ("duration".equals(option.getType())) {
            text = millis(text);
        }
        if ("long".equals(type)) {
            return text + "L";
        }
        if (WRAPPERS.containsKey(type)) {
            return text;
        }
        return type + "." + text;
    }

    private boolean hasEnums() {
        return option.getEnums() != null && !option.getEnums().isEmpty();
    }

    /** A duration default such as {@code 10s} or {@code 500ms} in milliseconds; a plain number already is. */
    private static String millis(String duration) {
        String pattern = duration.toLowerCase(Locale.ROOT).replace("ms", "");
        try {
            return String.valueOf(Duration.parse("PT" + pattern).toMillis());
        } catch (DateTimeParseException plainNumber) {
            return pattern;
        }
    }

    private static void sentence(StringBuilder text, String sentence) {
        if (!text.isEmpty()) {
            if (text.charAt(text.length() - 1) != '.') {
                text.append('.');
            }
            text.append(' ');
        }
        text.append(sentence);
    }
}
