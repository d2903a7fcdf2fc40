package org.camaudit.scanner.identify;

/**
 * The reasons an observation gives for being less than completely identified (DESIGN.md,
 * {@code identification.reasons}): each says what a person can do about it.
 */
public final class Reasons {

    public static final String NO_CREDENTIALS = "no credentials for this address";
    public static final String LOGIN_REJECTED = "login rejected";
    public static final String ONVIF_REQUIRES_LOGIN = "ONVIF requires login";
    public static final String UNPARSEABLE = "reply could not be parsed";
    public static final String NO_REPLY = "no reply to identification";

    private Reasons() {
    }
}
