package vn.lgsp.hub.adapters.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two gateways' signature schemes (docs/contracts.md "Payment gateways"), shared by the hub's clients and the
 * simulators.
 * <ul>
 *   <li>National payment platform: {@code hex(HMAC-SHA256(key, v1|v2|...))} over named fields in a fixed order
 *       ({@code key1} for what the hub sends, {@code key2} for what the platform sends).</li>
 *   <li>Bank gateway (VNPay 2.1.0): {@code hex(HMAC-SHA512(secret, k1=v1&k2=v2...))}, the {@code vnp_*} fields
 *       sorted by name, names and values URL-encoded (UTF-8, space as '+'), empty values and
 *       {@code vnp_SecureHash*} left out.</li>
 * </ul>
 */
public final class PaymentSignatures {

    private PaymentSignatures() {
    }

    /** Lower-case hex HMAC-SHA256 of the text. */
    public static String hmacSha256(String key, String text) {
        return hmac("HmacSHA256", key, text);
    }

    /** Lower-case hex HMAC-SHA512 of the text. */
    public static String hmacSha512(String key, String text) {
        return hmac("HmacSHA512", key, text);
    }

    /** The national platform's check_sum over the named fields' values, in the order given, joined by '|'. */
    public static String nationalCheckSum(String key, Map<String, String> fields, List<String> names) {
        return hmacSha256(key, names.stream().map(n -> fields.getOrDefault(n, "")).collect(Collectors.joining("|")));
    }

    /** The text the bank gateway signs: sorted, URL-encoded {@code k=v&...} without the hash fields. */
    public static String bankSignedData(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> e.getKey().startsWith("vnp_") && !e.getKey().startsWith("vnp_SecureHash"))
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The bank gateway's vnp_SecureHash of these parameters. */
    public static String bankSecureHash(String secret, Map<String, String> params) {
        return hmacSha512(secret, bankSignedData(params));
    }

    /** Constant-time comparison of two hex signatures, ignoring case. */
    public static boolean sameSignature(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.toLowerCase().getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hmac(String algorithm, String key, String text) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
