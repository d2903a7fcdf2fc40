package org.camaudit.audit.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.evaluation.MatchedRule;
import org.camaudit.audit.policy.Category;

/**
 * A finding as the API shows it. Every field is present, {@code null} when unknown or undecided, except
 * {@code closedReason}, which appears only when an audit closed the finding.
 */
@RegisterForReflection
public record FindingView(long id, String deviceId, String site, String ip, String location, String model,
        String reportedManufacturer, String vendor, Category category, Confidence confidence,
        List<MatchedRule> matchedBy, List<LegalBasis> basis, List<LegalBasis> upcomingBasis, String deviceDate, String deviceDateSource, FindingStatus status, String note, String decidedBy,
        OffsetDateTime decidedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String closedReason, int policyVersion) {

    public static FindingView of(Finding f) {
        return new FindingView(f.id, f.deviceId, f.site, f.ip, f.location, f.model, f.reportedManufacturer, f.vendor,
                f.category, f.confidence, f.matchedBy, f.basis, f.upcomingBasis == null ? List.of() : f.upcomingBasis, f.deviceDate, f.deviceDateSource, f.status, f.note, f.decidedBy, f.decidedAt,
                f.closedReason, f.policyVersion);
    }
}
