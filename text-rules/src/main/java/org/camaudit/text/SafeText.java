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

    /** Why {@code text} is refused, or {@code null} when it is acceptable. */
    public static String problem(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f) {
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
