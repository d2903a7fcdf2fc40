package org.camaudit.audit.evaluation;

import java.util.List;

/**
 * The bases of one vendor that concern a site: those of its jurisdictions in force on the audit date, and those
 * of its jurisdictions that take effect later (shown apart, never a reason to flag on their own).
 */
public record ApplicableBases(List<LegalBasis> inForce, List<LegalBasis> upcoming) {

    public static ApplicableBases select(List<LegalBasis> bases, SiteScope scope) {
        List<LegalBasis> local = bases.stream().filter(b -> scope.jurisdictions().contains(b.jurisdiction())).toList();
        return new ApplicableBases(local.stream().filter(b -> b.inForceOn(scope.date())).toList(),
                local.stream().filter(b -> !b.inForceOn(scope.date())).toList());
    }

    public boolean flags() {
        return !inForce.isEmpty();
    }
}
