package org.camaudit.scanner.target;

import java.util.List;

import inet.ipaddr.IPAddressSeqRange;

/** One IPv4 address. */
public final class SingleAddressFeeder implements TargetFeeder {

    private final String spec;

    SingleAddressFeeder(String spec) {
        this.spec = spec;
    }

    @Override
    public List<IPAddressSeqRange> ranges() throws TargetException {
        return List.of(Ipv4.parse(spec, spec).toSequentialRange());
    }

    @Override
    public String spec() {
        return spec;
    }
}
