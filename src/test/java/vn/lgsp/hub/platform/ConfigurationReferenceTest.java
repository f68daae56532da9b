package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration has one tree: every {@code hub.*} setting is a typed property (the metadata the build writes
 * from the {@code @ConfigurationProperties} records), the reference page docs/configuration.md names each of them,
 * and application*.yml sets nothing the hub does not bind.
 */
class ConfigurationReferenceTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path REFERENCE = Path.of("docs/configuration.md");
    /** Keys the YAML sets only to be read by placeholders of other settings, not bound by the hub itself. */
    private static final Set<String> PLACEHOLDER_ONLY = Set.of("hub.simulators.url");

    private static final Map<String, String> properties = new java.util.TreeMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            if (name.startsWith("hub.")) {
                properties.put(name, property.path("type").asText());
            }
        }
        assertThat(properties).as("the build wrote configuration metadata for hub.*").hasSizeGreaterThan(100);
    }

    @Test
    void everySettingIsOnTheReferencePage() throws IOException {
        List<Pattern> documented = documentedKeys(Files.readString(REFERENCE));
        Set<String> missing = new TreeSet<>();
        properties.forEach((name, type) -> {
            if (!isMap(type) && documented.stream().noneMatch(p -> p.matcher(name).find())) {
                missing.add(name);
            }
        });
        assertThat(missing).as("settings missing from docs/configuration.md").isEmpty();
    }

    @Test
    void theYamlSetsOnlyBoundSettings() throws IOException {
        Set<String> unbound = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/main/resources"), "application*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Object document : new Yaml().loadAll(in)) {
                        if (document instanceof Map<?, ?> root && root.get("hub") instanceof Map<?, ?> hub) {
                            for (String key : leaves(hub, "hub")) {
                                if (!isBound(key)) {
                                    unbound.add(file.getFileName() + ": " + key);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(unbound).as("keys no typed property binds (a typo, or a setting without its property)").isEmpty();
    }

    @Test
    void theReferencePageNamesNoSettingThatDoesNotExist() throws IOException {
        Set<String> unknown = new TreeSet<>();
        for (String key : fullKeys(Files.readString(REFERENCE))) {
            Pattern pattern = pattern(key);
            boolean exists = properties.keySet().stream().anyMatch(name -> pattern.matcher(name).find())
                    || properties.entrySet().stream().anyMatch(e -> isMap(e.getValue()) && key.startsWith(e.getKey() + "."))
                    || PLACEHOLDER_ONLY.contains(key);
            if (!exists) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("keys on docs/configuration.md that no property binds").isEmpty();
    }

    private static boolean isBound(String key) {
        if (properties.containsKey(key) || PLACEHOLDER_ONLY.contains(key)) {
            return true;
        }
        return properties.entrySet().stream().anyMatch(e -> isMap(e.getValue()) && key.startsWith(e.getKey() + "."));
    }

    private static boolean isMap(String type) {
        return type.startsWith("java.util.Map");
    }

    private static List<String> leaves(Map<?, ?> node, String prefix) {
        List<String> keys = new ArrayList<>();
        node.forEach((k, v) -> {
            String key = prefix + "." + k;
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                keys.addAll(leaves(child, key));
            } else {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * The keys of the page's tables, first column: a full key ({@code hub.delivery.initial-delay}), alternatives in
     * braces ({@code hub.systems.dvcqg.{base-url,auth-path}}), {@code <id>} for any one segment, and short names
     * after a full key meaning its siblings ({@code `hub.outbox.sweep-interval`, `sweep-age`}).
     */
    private static List<Pattern> documentedKeys(String page) {
        return fullKeys(page).stream().map(ConfigurationReferenceTest::pattern).toList();
    }

    private static List<String> fullKeys(String page) {
        List<String> keys = new ArrayList<>();
        for (String line : page.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String last = null;
            Matcher code = Pattern.compile("`([^`]+)`").matcher(line.split("\\|")[1]);
            while (code.find()) {
                String token = code.group(1);
                if (token.startsWith("hub.")) {
                    last = token;
                } else if (last != null && token.matches("[a-z0-9.{},-]+")) {
                    token = last.substring(0, last.lastIndexOf('.') + 1) + token;
                } else {
                    continue;
                }
                Matcher alternatives = Pattern.compile("\\{([^}]*)}").matcher(token);
                if (alternatives.find()) {
                    for (String alternative : alternatives.group(1).split(",")) {
                        keys.add(token.replace(alternatives.group(), alternative.trim()));
                    }
                } else {
                    keys.add(token);
                }
            }
        }
        return keys;
    }

    private static Pattern pattern(String key) {
        String regex = Pattern.quote(key).replace("<id>", "\\E[^.]+\\Q").replace(".*", "\\E(\\..+)?\\Q");
        return Pattern.compile("^" + regex + "($|\\.)");
    }
}
