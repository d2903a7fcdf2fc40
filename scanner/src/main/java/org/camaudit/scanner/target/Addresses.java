package org.camaudit.scanner.target;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Conversions between the integer form of IPv4 addresses that {@link TargetSet} holds and Java's. */
public final class Addresses {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    /** True for four groups of one to three digits separated by dots (values are not checked). */
    public static boolean isDottedQuad(String text) {
        return DOTTED_QUAD.matcher(text).matches();
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** The integer form of a dotted-quad address the scanner itself formatted. */
    public static int parse(String dottedQuad) {
        String[] parts = dottedQuad.split("\\.");
        return (Integer.parseInt(parts[0]) << 24) | (Integer.parseInt(parts[1]) << 16) | (Integer.parseInt(parts[2]) << 8)
                | Integer.parseInt(parts[3]);
    }

    public static InetAddress toInet(int address) {
        byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes always form an address", e);
        }
    }

    /** The integer form of an IPv4 address, or empty for IPv6. */
    public static java.util.OptionalInt toInt(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 4) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                | (bytes[3] & 0xff));
    }
}
