package io.github.cameliot.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented actions of one API, read from {@code /io/github/cameliot/emulator/<api>.json}: per action its
 * required parameters ({@code required}), its quota in calls per second ({@code quota}, absent when the document
 * gives none), and the document's example {@code request} and {@code response}.
 */
public final class ActionBook {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String api;
    private final ObjectNode actions;

    private ActionBook(String api, ObjectNode actions) {
        this.api = api;
        this.actions = actions;
    }

    /** The book of an API, such as {@code iotcloud}. */
    public static ActionBook load(String api) {
        String resource = resource(api);
        try (InputStream in = ActionBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No action book " + resource + " on the class path");
            }
            return new ActionBook(api, (ObjectNode) MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the action book " + resource, e);
        }
    }

    /** The class path resource of an API's book. */
    public static String resource(String api) {
        return "/io/github/cameliot/emulator/" + api + ".json";
    }

    public String api() {
        return api;
    }

    public Set<String> actions() {
        Set<String> names = new TreeSet<>();
        actions.fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableSet(names);
    }

    public boolean has(String action) {
        return actions.has(action);
    }

    /** The parameters the action requires. */
    public List<String> required(String action) {
        List<String> names = new java.util.ArrayList<>();
        entry(action).path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The documented calls per second, 0 when the document gives none. */
    public int quota(String action) {
        return entry(action).path("quota").asInt(0);
    }

    /** The document's example request of the action. */
    public ObjectNode exampleRequest(String action) {
        return entry(action).path("request").deepCopy();
    }

    /** A copy of the document's example response of the action, as the cloud puts it on the wire. */
    public ObjectNode exampleResponse(String action) {
        return entry(action).path("response").deepCopy();
    }

    /** The whole entry of the action (example, required parameters, quota and whatever else the book notes). */
    public ObjectNode entry(String action) {
        JsonNode entry = actions.get(action);
        if (!(entry instanceof ObjectNode object)) {
            throw new IllegalArgumentException("The " + api + " book has no action " + action);
        }
        return object;
    }
}
