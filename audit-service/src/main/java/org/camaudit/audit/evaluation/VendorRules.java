package org.camaudit.audit.evaluation;

import java.util.List;
import java.util.Map;

import org.camaudit.audit.policy.Policy;

/**
 * One restricted vendor's rules, compiled once per policy version: its names, MAC registry blocks, protocol
 * markers, model and firmware patterns, and the legal bases that restrict it. Immutable and thread-safe.
 */
final class VendorRules {

    private final String name;
    private final NameRules names;
    private final OuiRules ouis;
    private final MarkerRules markers;
    private final PatternRules models;
    private final PatternRules firmwares;
    private final List<LegalBasis> restrictedBy;

    /**
     * @param bases        the policy's legal bases by id
     * @param registryDate the date of the MAC registry the policy's blocks come from
     */
    VendorRules(Policy.Vendor vendor, Map<String, LegalBasis> bases, NameMatcher nameMatcher, String registryDate) {
        name = vendor.name();
        names = new NameRules(vendor, nameMatcher);
        ouis = new OuiRules(vendor, nameMatcher, registryDate);
        markers = new MarkerRules(vendor);
        models = PatternRules.models(vendor);
        firmwares = PatternRules.firmwares(vendor);
        restrictedBy = vendor.basis().stream().map(bases::get).toList();
    }

    String name() {
        return name;
    }

    /** The vendor's model patterns, whose categories come first when a device is classified. */
    PatternRules models() {
        return models;
    }

    /** The vendor's bases in force and upcoming at a site. */
    ApplicableBases applicable(SiteScope scope) {
        return ApplicableBases.select(restrictedBy, scope);
    }

    /** Every rule that fires on the device, in order: names, OUIs, markers, model patterns, firmware patterns. */
    Signals match(DeviceFacts facts) {
        Signals signals = new Signals();
        names.match(facts, signals);
        ouis.match(facts, signals);
        markers.match(facts, signals);
        models.match(facts.models(), signals);
        firmwares.match(facts.firmwares(), signals);
        return signals;
    }
}
