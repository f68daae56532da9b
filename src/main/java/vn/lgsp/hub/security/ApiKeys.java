package vn.lgsp.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Salted API-key hashes as stored in configuration: {@code {salt}hex(sha256(salt + ":" + key))}.
 * Run {@code java -cp lgsp-hub.jar -Dloader.main=vn.lgsp.hub.security.ApiKeys
 * org.springframework.boot.loader.launch.PropertiesLauncher <salt> <key>} to make one.
 */
public final class ApiKeys {

    private static final Pattern STORED = Pattern.compile("^\\{([A-Za-z0-9._\\-]{4,64})}([0-9a-f]{64})$");
    /** Salt that marks the documented demo keys; the prod profile refuses hashes made with it. */
    public static final String DEMO_SALT = "lgsp-demo";
    /** A digest per thread: MessageDigest.getInstance looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private ApiKeys() {
    }

    /** A stored hash taken apart once (at start-up), so checking a key needs no parsing. */
    public record Stored(String salt, String digest) {

        /** The stored value's salt and hex digest, if it is well formed. */
        public static Optional<Stored> parse(String stored) {
            var m = STORED.matcher(stored);
            return m.matches() ? Optional.of(new Stored(m.group(1), m.group(2))) : Optional.empty();
        }

        /** Whether the presented key hashes to this digest, compared in constant time. */
        public boolean matches(String presentedKey) {
            return MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                    ApiKeys.digest(salt, presentedKey).getBytes(StandardCharsets.US_ASCII));
        }
    }

    public static String hash(String salt, String key) {
        return "{" + salt + "}" + digest(salt, key);
    }

    /** The hex SHA-256 of {@code salt + ":" + key}: the part of a stored hash after the salt. */
    public static String digest(String salt, String key) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether a presented key matches a stored hash, compared in constant time. */
    public static boolean matches(String stored, String presentedKey) {
        return Stored.parse(stored).map(s -> s.matches(presentedKey)).orElse(false);
    }

    public static boolean isWellFormed(String stored) {
        return STORED.matcher(stored).matches();
    }

    public static boolean isDemo(String stored) {
        return stored.startsWith("{" + DEMO_SALT + "}");
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ApiKeys <salt> <key>");
            System.exit(2);
        }
        System.out.println(hash(args[0], args[1]));
    }
}
