package vn.lgsp.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    private ApiKeys() {
    }

    public static String hash(String salt, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((salt + ":" + key).getBytes(StandardCharsets.UTF_8));
            return "{" + salt + "}" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether a presented key matches a stored hash, compared in constant time. */
    public static boolean matches(String stored, String presentedKey) {
        var m = STORED.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = stored.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(m.group(1), presentedKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
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
