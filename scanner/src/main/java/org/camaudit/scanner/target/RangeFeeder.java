package org.camaudit.scanner.target;

import java.util.List;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;

/** An inclusive range {@code a.b.c.d-e.f.g.h}. */
public final class RangeFeeder implements TargetFeeder {

    private final String spec;

    RangeFeeder(String spec) {
        this.spec = spec;
    }

    @Override
    public List<IPAddressSeqRange> ranges() throws TargetException {
        String[] ends = spec.split("-", -1);
        if (ends.length != 2) {
            throw new TargetException("invalid range '" + spec + "': expected a.b.c.d-e.f.g.h");
        }
        IPAddress lower = Ipv4.parse(ends[0], spec);
        IPAddress upper = Ipv4.parse(ends[1], spec);
        if (lower.compareTo(upper) > 0) {
            throw new TargetException("invalid range '" + spec + "': the first address is above the last");
        }
        return List.of(lower.spanWithRange(upper));
    }

    @Override
    public String spec() {
        return spec;
    }
}
