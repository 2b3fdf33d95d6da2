package io.github.cameliot.cloudapi.camel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A poller's view of its Camel {@link StateRepository}: keys built one way across the suite
 * ({@code KIND/PRODUCT/DEVICE...}), a cleared state told apart from a stored one, and lists of names kept as
 * comma-separated text.
 */
public final class PollState {

    private final StateRepository<String, String> repository;

    public PollState(StateRepository<String, String> repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Starts the repository when it is a Camel service (such as a FileStateRepository, which then loads its file). */
    public void start() {
        ServiceHelper.startService(repository);
    }

    public StateRepository<String, String> repository() {
        return repository;
    }

    /**
     * The key of a state: the kind and the parts joined by {@code /}, such as {@code shadow/PRODUCT/DEVICE}; parts
     * that are {@code null} are left out ({@code devices/PRODUCT}).
     */
    public static String key(String kind, String... parts) {
        StringBuilder key = new StringBuilder(kind);
        for (String part : parts) {
            if (part != null) {
                key.append('/').append(part);
            }
        }
        return key.toString();
    }

    /** The state stored under the key; {@code null} when there is none or it was cleared (stored empty). */
    public String get(String key) {
        String value = repository.getState(key);
        return value == null || value.isEmpty() ? null : value;
    }

    public void store(String key, String value) {
        repository.setState(key, value);
    }

    /** Clears a state: a {@link StateRepository} cannot remove a key, so the state is stored empty. */
    public void clear(String key) {
        repository.setState(key, "");
    }

    /**
     * Names from comma-separated text (an option such as {@code deviceNames=dev1,dev2}, or a stored index), trimmed,
     * without blanks or repeats, in their order. {@code null} gives none.
     */
    public static Set<String> names(String value) {
        Set<String> names = new LinkedHashSet<>();
        if (value != null) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    /** Names as comma-separated text, as {@link #names} reads them (a name must not hold a comma). */
    public static String join(Collection<String> names) {
        return String.join(",", names);
    }
}
