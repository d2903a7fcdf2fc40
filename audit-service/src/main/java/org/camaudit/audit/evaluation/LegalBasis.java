package org.camaudit.audit.evaluation;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.policy.Policy;

/** Why a finding's vendor is restricted: the law or list, since when, and where it is written. */
@RegisterForReflection
public record LegalBasis(String law, String effective, String source) {

    static LegalBasis of(Policy.Basis basis) {
        return new LegalBasis(basis.law(), basis.effective(), basis.source());
    }
}
