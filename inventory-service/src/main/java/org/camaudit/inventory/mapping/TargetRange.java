package org.camaudit.inventory.mapping;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The addresses one scan target covers, from {@code low} to {@code high} inclusive: a CIDR block
 * ({@code 10.1.0.0/24}), a range ({@code 10.1.0.10-10.1.0.99}) or one address, IPv4 or IPv6. A target that
 * names no addresses (a file, a host name, a typo) covers nothing.
 */
public record TargetRange(InetAddress low, InetAddress high) {

    private static final Pattern IPV4 = Pattern.compile(Limits.IPV4_PATTERN);

    public static Optional<TargetRange> parse(String target) {
        if (target == null) {
            return Optional.empty();
        }
        String spec = target.strip();
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            return cidr(spec.substring(0, slash), spec.substring(slash + 1));
        }
        int dash = spec.indexOf('-');
        if (dash >= 0) {
            Optional<InetAddress> low = address(spec.substring(0, dash));
            Optional<InetAddress> high = address(spec.substring(dash + 1));
            if (low.isEmpty() || high.isEmpty() || low.get().getAddress().length != high.get().getAddress().length
                    || new BigInteger(1, low.get().getAddress()).compareTo(new BigInteger(1, high.get().getAddress())) > 0) {
                return Optional.empty();
            }
            return Optional.of(new TargetRange(low.get(), high.get()));
        }
        return address(spec).map(a -> new TargetRange(a, a));
    }

    private static Optional<TargetRange> cidr(String base, String prefix) {
        Optional<InetAddress> address = address(base);
        if (address.isEmpty() || !prefix.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        int length = Integer.parseInt(prefix);
        if (length > bits) {
            return Optional.empty();
        }
        byte[] low = bytes.clone();
        byte[] high = bytes.clone();
        for (int bit = length; bit < bits; bit++) {
            int mask = 1 << (7 - bit % 8);
            low[bit / 8] &= (byte) ~mask;
            high[bit / 8] |= (byte) mask;
        }
        try {
            return Optional.of(new TargetRange(InetAddress.getByAddress(low), InetAddress.getByAddress(high)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address literal; never a name lookup (only IPv4 dotted quads and texts with a colon are parsed). */
    private static Optional<InetAddress> address(String text) {
        String s = text.strip();
        if (!IPV4.matcher(s).matches() && !(s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
