package org.camaudit.audit.evaluation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares organisation names the way a person would: case, spacing, punctuation and trailing legal-form words
 * ("Co., Ltd.") do not matter, but words do. An {@code exact} name must equal the whole normalised value; a
 * {@code word} name must appear as whole words, so "Hikvision" matches "HIKVISION DS-2CD2142" but "Dahua" (exact)
 * does not match "Shanghai Dahua Scale Factory". Names without Latin letters (Chinese) match as substrings,
 * since Chinese text has no spaces between words.
 */
final class NameMatcher {

    private final Set<String> corporateSuffixes;

    NameMatcher(Collection<String> corporateSuffixes) {
        this.corporateSuffixes = Set.copyOf(corporateSuffixes.stream().map(s -> normalizeWords(s)).toList());
    }

    /** Lower case, NFKC, every run of non-letters/digits a single space, trailing legal-form words removed. */
    String normalize(String name) {
        String words = normalizeWords(name);
        if (words.isEmpty()) {
            return words;
        }
        List<String> tokens = new ArrayList<>(List.of(words.split(" ")));
        while (tokens.size() > 1 && corporateSuffixes.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", tokens);
    }

    /** A normalised name with a space on each side, so whole-word tests need no allocation. */
    static String padded(String normalized) {
        return " " + normalized + " ";
    }

    /**
     * Whether {@code normalizedValue} is {@code normalizedName} (exact) or contains it as whole words; the padded
     * arguments are the same strings through {@link #padded}; {@code latin} is {@link #hasLatinLetter} of the name.
     */
    static boolean matches(String normalizedValue, String paddedValue, String normalizedName, String paddedName,
            boolean exact, boolean latin) {
        if (normalizedName.isEmpty() || normalizedValue.isEmpty()) {
            return false;
        }
        if (normalizedValue.equals(normalizedName)) {
            return true;
        }
        if (exact) {
            return false;
        }
        return latin ? paddedValue.contains(paddedName) : normalizedValue.contains(normalizedName);
    }

    private static String normalizeWords(String name) {
        if (name == null) {
            return "";
        }
        String folded = (isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether a normalised name has Latin letters, so word boundaries are spaces. */
    static boolean hasLatinLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }
}
