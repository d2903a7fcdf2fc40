package org.camaudit.audit.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.policy.Category;

/** What replacing the flagged equipment costs, per site and in total; totals are the sums of the items. */
@RegisterForReflection
public record ReplacementPlan(OffsetDateTime generatedAt, Integer policyVersion, String currency, Totals totals,
        List<Site> sites) {

    @RegisterForReflection
    public record Totals(int devices, BigDecimal estimatedCost) {
    }

    @RegisterForReflection
    public record Site(String site, int devices, BigDecimal estimatedCost, List<Item> items) {
    }

    @RegisterForReflection
    public record Item(long findingId, String deviceId, String ip, String location, String vendor, String model,
            Category category, Confidence confidence, List<LegalBasis> basis, int priority, LocalDate replaceBy,
            BigDecimal estimatedCost, String suggestedReplacement) {
    }
}
