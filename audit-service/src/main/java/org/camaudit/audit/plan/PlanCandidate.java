package org.camaudit.audit.plan;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.policy.Category;

/** A finding that still needs a replacement, as the plan sees it (built by a JPQL constructor expression). */
@RegisterForReflection
public record PlanCandidate(long findingId, String deviceId, String site, String ip, String location, String vendor,
        String model, Category category, Confidence confidence, List<LegalBasis> basis) {
}
