package org.camaudit.scanner.target;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import inet.ipaddr.IPAddressSeqRange;

/**
 * The addresses one scan covers: the union of its targets minus its exclusions, in ascending order,
 * each address once. Addresses are held as IPv4 integers so a /16 costs 256 KiB.
 */
public final class TargetSet {

    private final int[] addresses;
    private final List<String> covered;

    private TargetSet(int[] addresses, List<String> covered) {
        this.addresses = addresses;
        this.covered = covered;
    }

    /**
     * Resolves targets and exclusions.
     *
     * @param maxTargets refuse a larger result unless {@code allowLarge}
     * @throws TargetException for an unreadable target or too many addresses
     */
    public static TargetSet resolve(Collection<String> targets, Collection<String> excludes, long maxTargets,
            boolean allowLarge) throws TargetException {
        if (targets.isEmpty()) {
            throw new TargetException("no target given");
        }
        List<IPAddressSeqRange> included = new ArrayList<>();
        for (String target : targets) {
            included.addAll(TargetFeeder.of(target).ranges());
        }
        List<IPAddressSeqRange> remaining = new ArrayList<>(List.of(
                IPAddressSeqRange.join(included.toArray(IPAddressSeqRange[]::new))));
        for (String exclude : excludes) {
            for (IPAddressSeqRange excluded : TargetFeeder.of(exclude).ranges()) {
                List<IPAddressSeqRange> next = new ArrayList<>();
                for (IPAddressSeqRange range : remaining) {
                    IPAddressSeqRange[] left = range.subtract(excluded);
                    if (left != null) {
                        next.addAll(List.of(left));
                    }
                }
                remaining = next;
            }
        }
        BigInteger count = BigInteger.ZERO;
        for (IPAddressSeqRange range : remaining) {
            count = count.add(range.getCount());
        }
        if (!allowLarge && count.compareTo(BigInteger.valueOf(maxTargets)) > 0) {
            throw new TargetException("too many targets: " + count + " addresses exceed --max-targets " + maxTargets
                    + " (add --allow-large to scan them anyway)");
        }
        if (count.signum() == 0) {
            throw new TargetException("no address left to scan after exclusions");
        }
        remaining.sort((a, b) -> a.getLower().compareTo(b.getLower()));
        int[] addresses = new int[count.intValueExact()];
        List<String> covered = new ArrayList<>();
        int index = 0;
        for (IPAddressSeqRange range : remaining) {
            long lower = range.getLower().getValue().longValue();
            long upper = range.getUpper().getValue().longValue();
            covered.add(describe(lower, upper));
            for (long value = lower; value <= upper; value++) {
                addresses[index++] = (int) value;
            }
        }
        return new TargetSet(addresses, List.copyOf(covered));
    }

    /** One address, a CIDR block when the range is exactly one, else {@code first-last}. */
    private static String describe(long lower, long upper) {
        long size = upper - lower + 1;
        String first = Addresses.format((int) lower);
        if (size == 1) {
            return first;
        }
        if (Long.bitCount(size) == 1 && lower % size == 0) {
            return first + "/" + (32 - Long.numberOfTrailingZeros(size));
        }
        return first + "-" + Addresses.format((int) upper);
    }

    public int size() {
        return addresses.length;
    }

    /** The address at a position, as a signed IPv4 integer. */
    public int get(int index) {
        return addresses[index];
    }

    public boolean contains(int address) {
        return indexOf(address) >= 0;
    }

    public int indexOf(int address) {
        int low = 0;
        int high = addresses.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int compared = Integer.compareUnsigned(addresses[middle], address);
            if (compared < 0) {
                low = middle + 1;
            } else if (compared > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /**
     * The address ranges this scan covers, after files are read, overlaps merged and exclusions taken out: what the
     * inventory is told in {@code targets}, so its {@code missing} rule counts the scan only for addresses it probed.
     */
    public List<String> covered() {
        return covered;
    }
}
