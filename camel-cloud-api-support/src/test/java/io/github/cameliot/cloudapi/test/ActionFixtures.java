package io.github.cameliot.cloudapi.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The wire tests' fixtures: one JSON file per action, {@code <directory>/<Action>.json} on the test class path, holding
 * the documented example request and response of the action (and whatever else a component's test checks).
 *
 * @param directory the class path directory of the fixtures, such as {@code iotcloud-examples}
 */
public record ActionFixtures(String directory) {

    /** A plain mapper, as a user's route would have; independent of the components' own. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Whether the action has a fixture. */
    public boolean has(String action) {
        return action != null && ActionFixtures.class.getResource(path(action)) != null;
    }

    /** The fixture of the action. */
    public JsonNode read(String action) {
        try (InputStream in = ActionFixtures.class.getResourceAsStream(path(action))) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path(action) + " on the test class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the fixture of " + action, e);
        }
    }

    /** The action names of the fixture files, sorted. */
    public List<String> actions() throws IOException, URISyntaxException {
        URL url = ActionFixtures.class.getResource("/" + directory);
        if (url == null) {
            throw new IllegalStateException("No fixture directory " + directory + " on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    private String path(String action) {
        return "/" + directory + "/" + action + ".json";
    }
}
