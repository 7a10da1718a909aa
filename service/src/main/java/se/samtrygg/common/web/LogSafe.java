package se.samtrygg.common.web;

/**
 * User input on its way into a log line: line breaks and other control characters are made
 * visible, so nobody can forge a second log line through a form field.
 */
public final class LogSafe {
    private static final int MAX = 200;

    private LogSafe() {
    }

    public static String of(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(input.length(), MAX) + 8);
        for (int i = 0; i < input.length() && i < MAX; i++) {
            char c = input.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (input.length() > MAX) {
            sb.append("…");
        }
        return sb.toString();
    }
}
