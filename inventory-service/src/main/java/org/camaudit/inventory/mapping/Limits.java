package org.camaudit.inventory.mapping;

/**
 * Length caps of the stored fields, shared by request validation and the database columns
 * ({@code db/migration/V1__inventory.sql}). Longer values are rejected, never truncated.
 */
public final class Limits {

    public static final int SCAN_ID = 64;
    public static final int SITE = 100;
    public static final int IP = 45;
    public static final int TEXT = 255;
    public static final int VERSION = 64;
    public static final int NOTES = 4000;
    public static final int TARGET = 100;
    public static final int TARGETS = 1000;
    public static final int URL = 512;
    public static final int LIST = 64;
    public static final int EVIDENCE_VALUE = 1024;
    /** Reasons of one observation's identification. */
    public static final int REASONS = 16;

    /** Letters, digits and {@code . _ : -}: a UUID, or any id a scanner may choose. */
    public static final String SCAN_ID_PATTERN = "[A-Za-z0-9._:-]+";
    /** Printable characters only (no control characters) for site names. */
    public static final String SITE_PATTERN = "[^\\p{Cntrl}]+";
    /** IPv4 dotted quad. */
    public static final String IPV4_PATTERN =
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** IPv4 dotted quad or IPv6 (hex groups, colons, optional embedded IPv4). */
    public static final String IP_PATTERN = IPV4_PATTERN + "|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*";
    /** The identification statuses, as {@code device.identification_status} stores them. */
    public static final String IDENTIFICATION_PATTERN = "complete|partial|unidentified";
    /** Six hex octets separated by colons or hyphens. */
    public static final String MAC_PATTERN = "([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}";

    private Limits() {
    }
}
