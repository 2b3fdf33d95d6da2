package io.github.cameliot.emulator.tencent.iothub;

/**
 * An MQTT topic filter, as the FROM clause of a rule's SQL names it: {@code +} matches one level, a final {@code #}
 * matches any number of levels (none included).
 */
record TopicFilter(String filter) {

    TopicFilter {
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean wildcard = level.contains("+") || level.contains("#");
            if (wildcard && !level.equals("+") && !(level.equals("#") && i == levels.length - 1)) {
                throw new IllegalArgumentException("The topic filter " + filter + " misplaces a wildcard");
            }
        }
    }

    boolean matches(String topic) {
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topic.split("/", -1);
        for (int i = 0; i < filterLevels.length; i++) {
            if (filterLevels[i].equals("#")) {
                return true;
            }
            if (i >= topicLevels.length || !filterLevels[i].equals("+") && !filterLevels[i].equals(topicLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
    }
}
