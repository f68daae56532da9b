package vn.lgsp.hub.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where routes and mappings live, and how a mapping's golden fixtures are laid out (shared with the kit). */
public final class MappingFiles {

    private MappingFiles() {
    }

    /** The {@code hub.mappings-dir} / {@code hub.routes-dir} settings ({@code file:mappings}) as paths. */
    public static Path path(String location) {
        return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    }

    /** {@code fixtures/<case>.params.properties} beside {@code <case>.input.*}, if any. */
    public static Properties parametersOf(Path input) throws IOException {
        Properties parameters = new Properties();
        Path file = input.resolveSibling(input.getFileName().toString().replaceFirst("\\.input\\..*$", ".params.properties"));
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                parameters.load(reader);
            }
        }
        return parameters;
    }
}
