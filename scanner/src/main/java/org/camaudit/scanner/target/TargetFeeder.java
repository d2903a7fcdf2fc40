package org.camaudit.scanner.target;

import java.util.List;

import inet.ipaddr.IPAddressSeqRange;

/** One source of scan targets: a CIDR block, an address range, one address, or a file of those. */
public interface TargetFeeder {

    /** The IPv4 ranges this source names, as written (not yet merged or excluded). */
    List<IPAddressSeqRange> ranges() throws TargetException;

    /** How the user wrote it, for messages. */
    String spec();

    /**
     * Picks the feeder for one command-line argument.
     *
     * @throws TargetException when the argument is none of the accepted forms
     */
    static TargetFeeder of(String spec) throws TargetException {
        String trimmed = spec.trim();
        if (trimmed.isEmpty()) {
            throw new TargetException("empty target");
        }
        if (trimmed.startsWith("@")) {
            return new FileFeeder(trimmed);
        }
        if (trimmed.contains("/")) {
            return new CidrFeeder(trimmed);
        }
        if (trimmed.contains("-")) {
            return new RangeFeeder(trimmed);
        }
        return new SingleAddressFeeder(trimmed);
    }
}
