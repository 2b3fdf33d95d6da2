package io.github.cameliot.emulator.tencent.trocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.cameliot.emulator.http.ApiError;

/**
 * The instances of one kind (RocketMQ {@code rmq-...} or MQTT {@code mqtt-...}) of the emulated account, with the
 * cloud's refusals for ids that do not exist or exist already. Every read and change of an instance runs under the
 * store's lock, so that concurrent calls see each other as the cloud's would.
 *
 * @param <I> the instance's state
 */
final class InstanceStore<I> {

    private final String prefix;
    private final BiFunction<String, Long, I> factory;
    private final TrocketAccount account;
    private final Map<String, I> instances = new LinkedHashMap<>();

    /**
     * @param prefix  how the cloud's ids of this kind begin, such as {@code rmq-}
     * @param factory a new instance from its id and creation time in seconds
     */
    InstanceStore(String prefix, BiFunction<String, Long, I> factory, TrocketAccount account) {
        this.prefix = prefix;
        this.factory = factory;
        this.account = account;
    }

    /** Adds an instance under a new id: the prefix and eight letters or digits, as the cloud names them. */
    synchronized I create(Consumer<I> settings) {
        String id;
        do {
            id = prefix + account.randomText(8);
        } while (instances.containsKey(id));
        return add(id, settings);
    }

    /** Adds an instance under an id of the caller's choosing, such as the one a route is configured with. */
    synchronized I add(String id, Consumer<I> settings) {
        if (instances.containsKey(id)) {
            throw new ApiError(TrocketAccount.ALREADY_EXISTS, "The instance " + id + " exists already.");
        }
        I instance = factory.apply(id, account.millis() / 1000);
        settings.accept(instance);
        instances.put(id, instance);
        return instance;
    }

    /** Runs {@code work} on the instance under the store's lock; refused when there is no such instance. */
    synchronized <T> T inInstance(String instanceId, Function<I, T> work) {
        I instance = instances.get(instanceId);
        if (instance == null) {
            throw notFound(instanceId);
        }
        return work.apply(instance);
    }

    /** Every instance, in the order they were created, read under the store's lock. */
    synchronized <T> T allInstances(Function<List<I>, T> work) {
        return work.apply(new ArrayList<>(instances.values()));
    }

    synchronized void delete(String instanceId) {
        if (instances.remove(instanceId) == null) {
            throw notFound(instanceId);
        }
    }

    synchronized void clear() {
        instances.clear();
    }

    private static ApiError notFound(String instanceId) {
        return new ApiError(TrocketAccount.INSTANCE_NOT_FOUND, "The instance " + instanceId + " does not exist.");
    }
}
