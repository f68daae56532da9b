package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret is committed: every file git tracks is scanned for private keys, cloud and platform tokens, signed JWTs,
 * API-key hashes made with a real salt, and secret-named settings holding a value. The only values allowed are the
 * documented demo ones ({@code demo-…} / {@code …-demo}, refused by the prod profile), placeholders filled from the
 * environment ({@code ${HUB_…}}) and the {@code replace-…} markers of deploy/clients.example.yml.
 */
class RepositorySecretsTest {

    /** Patterns that are a secret wherever they appear. */
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"),
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("(?i)aws_secret_access_key\\s*[=:]\\s*[A-Za-z0-9/+]{40}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20}\\b"),
            Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            Pattern.compile("\\bsk_live_[0-9A-Za-z]{24,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            // An API-key or client-secret hash with a real salt belongs in the external clients file, never here.
            Pattern.compile("\\{(?!lgsp-demo}|replace-salt}|salt})[A-Za-z0-9._-]{4,64}}[0-9a-f]{64}\\b"));

    /** A secret-named setting in a configuration file, and its value. */
    private static final Pattern SETTING = Pattern.compile(
            "(?i)^\\s*-?\\s*([A-Za-z0-9_.-]*(password|passwd|secret|api-key|apikey|api_key|token|key1|key2|private-key))"
                    + "\\s*[:=]\\s*[\"']?(\\$\\{[^}]*}|[^\"'#\\s]*)");
    private static final Pattern ALLOWED_VALUE = Pattern.compile(
            "^$|^\\$\\{[A-Za-z0-9_.-]+(:-?|:\\?[^}]*)?}$|^(demo-[A-Za-z0-9-]+|[A-Za-z0-9]+-demo)$|^replace-[a-z-]+$");

    @Test
    void noTrackedFileHoldsASecret() throws IOException {
        List<String> findings = new ArrayList<>();
        List<Path> files = trackedFiles();
        assertThat(files).as("tracked files").hasSizeGreaterThan(100);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            findings.addAll(scan(file.toString(), new String(bytes, StandardCharsets.UTF_8)));
        }
        assertThat(findings).as("secrets in tracked files").isEmpty();
    }

    @Test
    void theScanFindsPlantedSecrets() {
        // Built from pieces, so this file itself holds none of them.
        String pem = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow...";
        String aws = "key = AKIA" + "IOSFODNN7EXAMPLE";
        String jwt = "Bearer eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiJvbmVzdG9wIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        String hash = "- \"{prod" + "-2026}" + "a".repeat(64) + "\"";
        assertThat(scan("Key.java", pem)).hasSize(1);
        assertThat(scan("Notes.md", aws)).hasSize(1);
        assertThat(scan("Client.java", jwt)).hasSize(1);
        assertThat(scan("clients.yml", hash)).hasSize(1);
        assertThat(scan("application.yml", "    password: " + "S3cr3t!")).hasSize(1);
        assertThat(scan("application.yml", "    client-secret: " + "${HUB_X:" + "hunter2}")).hasSize(1);
        assertThat(scan("app.properties", "hub.security.jwt.secret=" + "abcdefabcdef")).hasSize(1);
        // and lets the documented values pass
        assertThat(scan("application.yml", "    password: ${HUB_DB_PASSWORD:}")).isEmpty();
        assertThat(scan("application-demo.yml", "      secret: demo-docaxis-secret")).isEmpty();
        assertThat(scan("docker-compose.yml", "      HUB_DB_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"))
                .isEmpty();
        assertThat(scan("clients.example.yml", "        - \"{replace-salt}" + "0".repeat(64) + "\"")).isEmpty();
        // a user-interface text is not a setting, but a key planted in it is still found
        assertThat(scan("src/main/resources/console/messages_vi.properties", "login.password=Mật khẩu")).isEmpty();
        assertThat(scan("src/main/resources/console/messages_en.properties", "x=" + pem)).hasSize(1);
    }

    static List<String> scan(String name, String text) {
        List<String> findings = new ArrayList<>();
        boolean configuration = isConfiguration(name);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (Pattern secret : SECRETS) {
                if (secret.matcher(line).find()) {
                    findings.add(name + ":" + (i + 1) + " matches " + secret.pattern());
                }
            }
            Matcher setting = SETTING.matcher(line);
            if (configuration && setting.find() && !ALLOWED_VALUE.matcher(setting.group(3)).matches()
                    && !isPlaceholderWithAllowedDefault(setting.group(3))) {
                findings.add(name + ":" + (i + 1) + " sets " + setting.group(1) + " to a value");
            }
        }
        return findings;
    }

    /** {@code ${VAR:default}}: allowed only when the default itself is allowed. */
    private static boolean isPlaceholderWithAllowedDefault(String value) {
        Matcher m = Pattern.compile("^\\$\\{[A-Za-z0-9_.-]+:([^}]*)}$").matcher(value);
        return m.matches() && ALLOWED_VALUE.matcher(m.group(1)).matches() && !m.group(1).startsWith("$");
    }

    private static boolean isConfiguration(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.matches("(.*/)?messages(_[a-z]{2})?\\.properties")) {
            return false; // texts shown to users ("login.password=Password"); the secret patterns still apply
        }
        return n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".properties") || n.endsWith(".env")
                || n.endsWith("dockerfile");
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The files git tracks; without git (a source archive), every file outside build output and data. */
    private static List<Path> trackedFiles() throws IOException {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0) {
                return Stream.of(out.split("\0")).filter(s -> !s.isBlank()).map(Path::of).filter(Files::isRegularFile)
                        .toList();
            }
        } catch (IOException | InterruptedException noGit) {
            // fall through to walking the tree
        }
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.startsWith("./target") && !p.startsWith("./data")
                    && !p.startsWith("./.git")).toList();
        }
    }
}
