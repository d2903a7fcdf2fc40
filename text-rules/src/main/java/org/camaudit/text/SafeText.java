package org.camaudit.text;

/**
 * The one rule for text a client sends (JSON strings, query and path parameters): no ASCII control characters
 * ({@code U+0000}-{@code U+001F}, {@code U+007F}, what {@code \p{Cntrl}} matches) except tab, line feed and carriage
 * return, and no unpaired UTF-16 surrogates. Such characters cannot be stored
 * faithfully (PostgreSQL rejects NUL and replaces a lone surrogate with {@code ?}) and serve no purpose in camera
 * data, so they are refused rather than altered.
 */
public final class SafeText {

    private SafeText() {
    }

    /** The character that {@link #clean} puts where a refused one was. */
    public static final char REPLACEMENT = '\uFFFD';

    /**
     * {@code text} with every character this rule refuses replaced by {@link #REPLACEMENT}, for a client that must
     * pass on text it did not write (a camera's reply) without losing the rest of it. The length is unchanged.
     */
    public static String clean(String text) {
        if (text == null || problem(text) == null) {
            return text;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                cleaned.append(c).append(text.charAt(++i));
            } else if (refused(c)) {
                cleaned.append(REPLACEMENT);
            } else {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    private static boolean refused(char c) {
        return (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f) || Character.isSurrogate(c);
    }

    /** Why {@code text} is refused, or {@code null} when it is acceptable. */
    public static String problem(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c) && refused(c)) {
                return String.format("contains the control character U+%04X at position %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate at position " + i;
            }
        }
        return null;
    }
}
