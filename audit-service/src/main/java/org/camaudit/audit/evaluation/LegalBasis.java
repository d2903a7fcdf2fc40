package org.camaudit.audit.evaluation;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.policy.Policy;

/**
 * Why a finding's vendor is restricted: the law or list, where it binds, since when, by when the equipment must go,
 * what it covers, where it is written and when that was last checked.
 */
@RegisterForReflection
public record LegalBasis(String id, String law, String jurisdiction, String effective, String deadline, String scope,
        String source, String verified) {

    static LegalBasis of(Policy.Basis basis) {
        return new LegalBasis(basis.id(), basis.law(), basis.jurisdiction(), basis.effective(), basis.deadline(),
                basis.scope(), basis.source(), basis.verified());
    }

    /** Whether it binds on {@code date}; a basis without a readable date never does. */
    boolean inForceOn(LocalDate date) {
        return effective != null && !LocalDate.parse(effective).isAfter(date);
    }
}
