package org.camaudit.scanner.target;

import java.util.regex.Pattern;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** Strict IPv4 parsing shared by the feeders. */
final class Ipv4 {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** Dotted-quad only (no inet_aton shorthands, no leading zeros), with an optional prefix length. */
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}(/\\d{1,2})?");

    private Ipv4() {
    }

    static IPAddress parse(String text, String spec) throws TargetException {
        try {
            String trimmed = text.trim();
            if (!DOTTED_QUAD.matcher(trimmed).matches()) {
                throw new TargetException("invalid target '" + spec + "': " + describe(trimmed));
            }
            IPAddress address = new IPAddressString(trimmed).toAddress();
            if (!address.isIPv4()) {
                throw new TargetException("not an IPv4 target: " + spec);
            }
            return address;
        } catch (AddressStringException | IllegalArgumentException e) {
            throw new TargetException("invalid target '" + spec + "': " + describe(text));
        }
    }

    private static String describe(String text) {
        if (text.contains(":")) {
            return "IPv6 is not supported";
        }
        return "expected a.b.c.d, a.b.c.d/nn, a.b.c.d-e.f.g.h or @file";
    }
}
