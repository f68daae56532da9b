package vn.lgsp.hub.platform;

/**
 * Masks personal data before it reaches an application log: personal IDs and enterprise codes keep their first
 * three and last two characters, names keep each word's initial. The audit log keeps the clear values; logs never.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 001203012345} becomes {@code 001*******45}. */
    public static String identifier(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= 5) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }

    /** {@code Nguyễn Thị Hoà} becomes {@code N. T. H.}. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : value.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                masked.append(masked.isEmpty() ? "" : " ").append(word.codePoints().limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
            }
        }
        return masked.toString();
    }
}
