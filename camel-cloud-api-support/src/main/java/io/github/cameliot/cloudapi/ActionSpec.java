package io.github.cameliot.cloudapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the client must know of one API action before calling it.
 *
 * @param name               the action as the cloud spells it, such as {@code PublishMessage}
 * @param requiredParameters the parameters the documentation marks required, checked before any network call
 * @param optionalParameters the other documented parameters
 * @param quotaPerSecond     the documented request quota, kept by a client-side limiter; 0 for an action without a
 *                           documented quota, which is then not limited client-side
 * @param idempotent         whether running it twice has the effect of running it once, so that a retry after a
 *                           failure that may have executed it is safe
 * @param paging             how the action pages, or {@code null} for one that does not
 */
public record ActionSpec(String name, List<String> requiredParameters, List<String> optionalParameters, int quotaPerSecond,
                         boolean idempotent, Paging paging) {

    public ActionSpec {
        requiredParameters = List.copyOf(requiredParameters);
        optionalParameters = List.copyOf(optionalParameters);
    }

    /** An action whose optional parameters are not listed. */
    public ActionSpec(String name, List<String> requiredParameters, int quotaPerSecond, boolean idempotent, Paging paging) {
        this(name, requiredParameters, List.of(), quotaPerSecond, idempotent, paging);
    }

    /**
     * An action from its documented parameters, the optional ones marked with a trailing {@code ?}
     * ({@code "ProductId", "Skey?"}).
     */
    public static ActionSpec of(String name, int quotaPerSecond, boolean idempotent, String... parameters) {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (String parameter : parameters) {
            if (parameter.endsWith("?")) {
                optional.add(parameter.substring(0, parameter.length() - 1));
            } else {
                required.add(parameter);
            }
        }
        return new ActionSpec(name, required, optional, quotaPerSecond, idempotent, null);
    }

    public ActionSpec withQuota(int perSecond) {
        return new ActionSpec(name, requiredParameters, optionalParameters, perSecond, idempotent, paging);
    }

    public ActionSpec withPaging(Paging pages) {
        return new ActionSpec(name, requiredParameters, optionalParameters, quotaPerSecond, idempotent, pages);
    }

    public boolean isPaged() {
        return paging != null;
    }

    /**
     * Fails, before anything is sent, when a required parameter is absent, {@code null}, blank or an empty list.
     *
     * @throws IllegalArgumentException naming the action and every missing parameter
     */
    public void checkRequired(Map<String, Object> parameters) {
        List<String> missing = null;
        for (String required : requiredParameters) {
            if (isAbsent(parameters.get(required))) {
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                missing.add(required);
            }
        }
        if (missing != null) {
            throw new IllegalArgumentException(name + ": missing required parameter" + (missing.size() > 1 ? "s " : " ")
                                               + String.join(", ", missing));
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null || value instanceof CharSequence text && text.toString().isBlank()
               || value instanceof Collection<?> list && list.isEmpty();
    }
}
