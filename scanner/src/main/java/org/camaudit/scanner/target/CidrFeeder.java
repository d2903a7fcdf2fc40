package org.camaudit.scanner.target;

import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;

/** A CIDR block such as {@code 10.1.0.0/24}; host bits in the address are allowed and ignored. */
public final class CidrFeeder implements TargetFeeder {

    private final String spec;

    CidrFeeder(String spec) {
        this.spec = spec;
    }

    @Override
    public List<IPAddressSeqRange> ranges() throws TargetException {
        int slash = spec.indexOf('/');
        String prefix = spec.substring(slash + 1);
        if (!prefix.matches("\\d{1,2}") || Integer.parseInt(prefix) > 32) {
            throw new TargetException("invalid CIDR '" + spec + "': the prefix length must be 0 to 32");
        }
        IPAddress address = Ipv4.parse(spec, spec);
        return List.of(address.toPrefixBlock().toSequentialRange());
    }

    @Override
    public String spec() {
        return spec;
    }
}
