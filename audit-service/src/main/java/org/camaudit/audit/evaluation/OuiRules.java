package org.camaudit.audit.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camaudit.audit.policy.Policy;

/**
 * One vendor's MAC registry blocks, compiled: MA-S (36-bit), MA-M (28-bit) and MA-L (24-bit) prefixes, longest
 * first, and the registered organisation names. Each match names the registry's date.
 */
final class OuiRules {

    /** Prefix lengths in hex digits, longest first: MA-S, MA-M, MA-L. */
    private static final int[] PREFIX_DIGITS = { 9, 7, 6 };

    private record Block(String prefix, String organization, String registry) {
    }

    private final NameMatcher names;
    private final String registryDate;
    private final Map<String, Block> byPrefix = new HashMap<>();
    private final Set<String> organizations = new HashSet<>();

    OuiRules(Policy.Vendor vendor, NameMatcher names, String registryDate) {
        this.names = names;
        this.registryDate = registryDate;
        for (Policy.OuiBlock block : vendor.ouis()) {
            organizations.add(names.normalize(block.organization()));
            for (String prefix : block.prefixes()) {
                byPrefix.put(prefix.replace(":", ""), new Block(prefix, block.organization(), block.registry()));
            }
        }
    }

    /** The longest registered block of every MAC, and OUI evidence naming a registered organisation. */
    void match(DeviceFacts facts, Signals signals) {
        List<Observed> macs = facts.macs();
        for (int m = 0; m < macs.size(); m++) {
            String hex = facts.macHex().get(m);
            if (hex.length() != 12) {
                continue;
            }
            for (int length : PREFIX_DIGITS) {
                Block hit = byPrefix.get(hex.substring(0, length));
                if (hit != null) {
                    signals.addOui("oui " + hit.prefix + " registered to " + hit.organization + " (IEEE " + hit.registry
                            + ", registry of " + registryDate + ")", macs.get(m));
                    break;
                }
            }
        }
        for (Observed organization : facts.ouiOrganizations()) {
            if (organizations.contains(names.normalize(organization.value()))) {
                signals.addOui("oui organisation \"" + organization.value() + "\" (IEEE registry of " + registryDate + ")",
                        organization);
            }
        }
    }
}
