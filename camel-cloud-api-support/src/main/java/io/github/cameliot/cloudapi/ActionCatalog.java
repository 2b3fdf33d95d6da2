package io.github.cameliot.cloudapi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The actions of one cloud API. An action the catalog does not list is still callable: it gets no parameter check,
 * the API's default quota, and is treated as idempotent only when its name says it reads
 * ({@code Describe}, {@code Get}, {@code List}, {@code Query}).
 */
public final class ActionCatalog {

    private static final List<String> READ_PREFIXES = List.of("Describe", "Get", "List", "Query");

    private final Map<String, ActionSpec> actions = new LinkedHashMap<>();
    private final ConcurrentMap<String, ActionSpec> undocumented = new ConcurrentHashMap<>();
    private final int defaultQuotaPerSecond;

    public ActionCatalog(int defaultQuotaPerSecond) {
        this.defaultQuotaPerSecond = defaultQuotaPerSecond;
    }

    /**
     * An action at the default quota, from its documented parameters (optional ones end with {@code ?}).
     */
    public ActionSpec spec(String name, boolean idempotent, String... parameters) {
        return ActionSpec.of(name, defaultQuotaPerSecond, idempotent, parameters);
    }

    public ActionCatalog add(ActionSpec spec) {
        if (actions.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalArgumentException("Action listed twice: " + spec.name());
        }
        return this;
    }

    /** The documented action of that name, or the spec of an action the catalog does not know. */
    public ActionSpec spec(String name) {
        ActionSpec spec = actions.get(name);
        return spec != null ? spec : undocumented.computeIfAbsent(name, this::undocumented);
    }

    public Collection<ActionSpec> actions() {
        return Collections.unmodifiableCollection(actions.values());
    }

    private ActionSpec undocumented(String name) {
        boolean reads = READ_PREFIXES.stream().anyMatch(name::startsWith);
        return new ActionSpec(name, List.of(), defaultQuotaPerSecond, reads, null);
    }
}
