package org.camaudit.scanner.probe;

import java.util.regex.Pattern;

/** How a short text a device sent (an HTTP or RTSP Server header, a realm, a page title) is kept as evidence. */
public final class HeaderValues {

    /** Longest value kept; devices decide what they send. */
    public static final int MAX_LENGTH = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private HeaderValues() {
    }

    /** Control characters as spaces, trimmed, cut to {@link #MAX_LENGTH}. */
    public static String clip(String value) {
        String clean = CONTROL.matcher(value).replaceAll(" ").trim();
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
    }
}
