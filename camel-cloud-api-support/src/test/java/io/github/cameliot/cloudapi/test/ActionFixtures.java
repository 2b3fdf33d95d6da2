package io.github.cameliot.cloudapi.test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The wire tests' fixtures: the documented example request and response of every action of an API (and whatever
 * else a component's test checks), from the emulator's action book {@code /io/github/cameliot/emulator/<api>.json},
 * so that the wire tests and the embedded cloud answer from the same examples.
 *
 * @param api the API, such as {@code iotcloud}
 */
public record ActionFixtures(String api) {

    /** A plain mapper, as a user's route would have; independent of the components' own. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> BOOKS = new ConcurrentHashMap<>();

    /** Whether the action has a fixture. */
    public boolean has(String action) {
        return action != null && book().has(action);
    }

    /** The fixture of the action. */
    public JsonNode read(String action) {
        JsonNode fixture = book().get(action);
        if (fixture == null) {
            throw new IllegalArgumentException("The " + api + " action book has no action " + action);
        }
        return fixture.deepCopy();
    }

    /** The action names, sorted. */
    public List<String> actions() {
        List<String> names = new ArrayList<>();
        book().fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private JsonNode book() {
        return BOOKS.computeIfAbsent(api, ActionFixtures::load);
    }

    private static JsonNode load(String api) {
        String resource = "/io/github/cameliot/emulator/" + api + ".json";
        try (InputStream in = ActionFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No action book " + resource + " on the test class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the action book " + resource, e);
        }
    }
}
