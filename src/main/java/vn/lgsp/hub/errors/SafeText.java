package vn.lgsp.hub.errors;

/**
 * Text that may carry a piece of the caller's input (a field name, a status code, a path) made safe to put in an
 * answer or a log line: control characters (CR, LF, NUL, line separators) and markup characters become '?', and it
 * is cut to a bounded length, so nothing injects lines into logs or markup into a page that shows the message.
 */
public final class SafeText {

    private static final int MAX = 500;

    private SafeText() {
    }

    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        String cut = text.length() > MAX ? text.substring(0, MAX) + "…" : text;
        StringBuilder out = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '<' || c == '>'
                    || Character.getType(c) == Character.FORMAT;
            if (unsafe && out == null) {
                out = new StringBuilder(cut.length()).append(cut, 0, i);
            }
            if (out != null) {
                out.append(unsafe ? '?' : c);
            }
        }
        return out == null ? cut : out.toString();
    }
}
