package io.github.cameliot.emulator.tencent.iothub;

import java.util.List;

/** A topic rule: its SQL (as given, base64, and parsed), its targets and whether it is disabled. */
final class TopicRule {

    final String name;
    final long createdSeconds;
    String description;
    String sqlBase64;
    RuleSql sql;
    List<RuleAction> actions;
    boolean disabled;

    TopicRule(String name, long createdSeconds) {
        this.name = name;
        this.createdSeconds = createdSeconds;
    }
}
