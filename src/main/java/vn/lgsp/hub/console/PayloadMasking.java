package vn.lgsp.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lgsp.hub.platform.Masking;

/**
 * Masks personal data in a message payload before the console shows it: identifiers keep their first three and
 * last two characters, names their initials (as {@link Masking} does for logs); contact data, birth dates,
 * addresses and free-text summaries are hidden. JSON is masked by field name (canonical and DVCQG names), XML by
 * element name; any other long digit run (an identifier or phone number) is masked too.
 */
public final class PayloadMasking {

    static final int MAX_SHOWN = 8000;
    private static final Set<String> IDENTIFIERS = Set.of("personalid", "enterprisecode", "sodinhdanh", "madoituong",
            "socmnd", "masodoanhnghiep", "msdn", "taxcode");
    private static final Set<String> NAMES = Set.of("fullname", "chuhoso", "hovaten", "hoten", "payer",
            "hotennguoinop", "tennguoinop");
    private static final Set<String> HIDDEN = Set.of("birthdate", "address", "phone", "email", "sodienthoai",
            "ngaythangnamsinh", "diachi", "noiohientai", "thuongtru", "quequan", "addressfulltext",
            // free text often names people ("khai sinh cho con: ...")
            "summary", "trichyeuhoso", "note", "ghichu", "noidungxuly");
    private static final Pattern XML_ELEMENT = Pattern.compile("<((?:[\\w-]+:)?([\\w-]+))(\\s[^>]*)?>([^<]*)</\\1>");
    private static final Pattern DIGITS = Pattern.compile("\\d{9,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadMasking() {
    }

    public static String mask(String payload) {
        if (payload == null) {
            return "";
        }
        String masked;
        String trimmed = payload.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            masked = maskJson(payload);
        } else if (trimmed.startsWith("<")) {
            masked = maskXml(payload);
        } else {
            masked = maskDigits(payload);
        }
        return masked.length() > MAX_SHOWN ? masked.substring(0, MAX_SHOWN) + "…" : masked;
    }

    private static String maskJson(String payload) {
        try {
            JsonNode tree = JSON.readTree(payload);
            walk(tree);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (Exception notJson) {
            return maskDigits(payload);
        }
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                JsonNode value = field.getValue();
                String masked = value.isValueNode() && !value.isNull() ? maskValue(field.getKey(), value.asText()) : null;
                if (masked != null) {
                    field.setValue(TextNode.valueOf(masked));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(maskDigits(value.asText())));
                } else {
                    walk(value);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(PayloadMasking::walk);
        }
    }

    private static String maskXml(String payload) {
        Matcher m = XML_ELEMENT.matcher(payload);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String masked = maskValue(m.group(2), m.group(4));
            String text = masked == null ? maskDigits(m.group(4)) : masked;
            m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + (m.group(3) == null ? "" : m.group(3))
                    + ">" + text + "</" + m.group(1) + ">"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The masked value of a field, or null when the field is not personal data. */
    private static String maskValue(String field, String value) {
        String key = field.toLowerCase();
        if (IDENTIFIERS.contains(key)) {
            return Masking.identifier(value);
        }
        if (NAMES.contains(key)) {
            return Masking.name(value);
        }
        if (HIDDEN.contains(key)) {
            return value.isEmpty() ? value : "***";
        }
        return null;
    }

    private static String maskDigits(String text) {
        return DIGITS.matcher(text).replaceAll(r -> Matcher.quoteReplacement(Masking.identifier(r.group())));
    }
}
