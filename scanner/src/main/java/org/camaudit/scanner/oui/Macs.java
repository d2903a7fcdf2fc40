package org.camaudit.scanner.oui;

import java.util.Locale;
import java.util.Optional;

/** MAC address normalisation to lower-case, colon-separated form ({@code 44:19:b6:12:34:56}). */
public final class Macs {

    private Macs() {
    }

    /**
     * Accepts colon, dash, dot or no separators; refuses anything that is not 12 hex digits, and the
     * all-zero and broadcast addresses, which name no device.
     */
    public static Optional<String> normalize(String mac) {
        if (mac == null) {
            return Optional.empty();
        }
        String hex = mac.trim().replaceAll("[:\\-. ]", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        if (hex.equals("000000000000") || hex.equals("ffffffffffff")) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return Optional.of(out.toString());
    }
}
