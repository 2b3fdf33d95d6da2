package io.github.cameliot.cloudapi.tencent;

import java.util.HashMap;
import java.util.Map;

/** The few INI rules the clouds' credentials files use: {@code [section]}, {@code key = value}, {@code #}/{@code ;} comments. */
final class IniFile {

    private IniFile() {
    }

    static Map<String, String> section(String text, String name) {
        Map<String, String> values = new HashMap<>();
        String current = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1).strip();
            } else if (name.equals(current)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        return values;
    }
}
