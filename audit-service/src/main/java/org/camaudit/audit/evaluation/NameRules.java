package org.camaudit.audit.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camaudit.audit.policy.Policy;

/**
 * One vendor's names, compiled: aliases (exact or word match), legal entities (exact) and brands (word match;
 * direct or indirect by their attribution). A brand relation with a period counts only for devices made within
 * it; on a device whose date cannot be read it counts as undated.
 */
final class NameRules {

    /** A name rule, normalised once. */
    private record NamedRule(String normalized, String padded, boolean latin, boolean exact, String rule,
            Strength strength, LocalDate from, LocalDate to) {

        NamedRule(NameMatcher names, String name, boolean exact, String rule, Strength strength, String from, String to) {
            this(names.normalize(name), exact, rule, strength, from == null ? null : LocalDate.parse(from),
                    to == null ? null : LocalDate.parse(to));
        }

        private NamedRule(String normalized, boolean exact, String rule, Strength strength, LocalDate from,
                LocalDate to) {
            this(normalized, NameMatcher.padded(normalized), NameMatcher.hasLatinLetter(normalized), exact, rule,
                    strength, from, to);
        }

        boolean dated() {
            return from != null || to != null;
        }

        boolean covers(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }
    }

    private final List<NamedRule> rules = new ArrayList<>();

    NameRules(Policy.Vendor vendor, NameMatcher names) {
        for (Policy.Alias alias : vendor.aliases()) {
            boolean exact = alias.match() == Policy.AliasMatch.EXACT;
            rules.add(new NamedRule(names, alias.name(), exact,
                    "alias \"" + alias.name() + "\" (" + (exact ? "exact" : "word") + " match)", Strength.DIRECT, null, null));
        }
        for (Policy.LegalEntity entity : vendor.legalEntities()) {
            rules.add(new NamedRule(names, entity.name(), true, "legal entity \"" + entity.name() + "\"", Strength.DIRECT,
                    null, null));
        }
        for (Policy.Brand brand : vendor.brands()) {
            Strength strength = brand.attribution() == Policy.Attribution.DIRECT ? Strength.DIRECT : Strength.INDIRECT;
            String period = brand.from() == null && brand.to() == null ? ""
                    : " [" + (brand.from() == null ? "" : brand.from()) + " to " + (brand.to() == null ? "" : brand.to()) + "]";
            rules.add(new NamedRule(names, brand.name(), false, "brand \"" + brand.name() + "\": " + brand.relation() + period
                    + (brand.verified() ? "" : " (ownership unverified)"), strength, brand.from(), brand.to()));
        }
    }

    /** Every name of the device against every rule. */
    void match(DeviceFacts facts, Signals signals) {
        List<Observed> names = facts.names();
        for (int i = 0; i < names.size(); i++) {
            String normalized = facts.normalizedNames().get(i);
            String padded = facts.paddedNames().get(i);
            for (NamedRule rule : rules) {
                if (!NameMatcher.matches(normalized, padded, rule.normalized, rule.padded, rule.exact, rule.latin)) {
                    continue;
                }
                if (!rule.dated()) {
                    signals.add(rule.rule, names.get(i), rule.strength, "brand");
                } else if (facts.date().isEmpty()) {
                    signals.addUndated(rule.rule, names.get(i), rule.strength, "brand");
                } else if (rule.covers(facts.date().get().date())) {
                    signals.add(rule.rule + "; device made " + facts.date().get().date() + " (within the period)",
                            names.get(i), rule.strength, "brand");
                }
            }
        }
    }
}
