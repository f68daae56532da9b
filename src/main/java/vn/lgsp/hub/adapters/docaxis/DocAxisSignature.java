package vn.lgsp.hub.adapters.docaxis;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The document axis' header signature: {@code hash-header = hex(HMAC-SHA256(secret, JSON of the signed headers))},
 * the JSON being an object of the signed headers with keys in alphabetical order and no spaces.
 */
public final class DocAxisSignature {

    public static final String HEADER = "hash-header";

    private DocAxisSignature() {
    }

    public static String sign(String secret, Map<String, String> signedHeaders) {
        StringBuilder json = new StringBuilder("{");
        for (var e : new TreeMap<>(signedHeaders).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        json.append('}');
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(json.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of a received signature with the expected one. */
    public static boolean verify(String secret, Map<String, String> signedHeaders, String received) {
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, signedHeaders).getBytes(StandardCharsets.US_ASCII),
                received.getBytes(StandardCharsets.US_ASCII));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
