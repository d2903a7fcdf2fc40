package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.plan.PlanCandidate;
import org.camaudit.audit.plan.ReplacementPlan;
import org.camaudit.audit.plan.ReplacementPlanner;

/** The costed replacement plan over the findings that still need a replacement (open or replacement-planned). */
@ApplicationScoped
public class ReplacementPlanService {

    private final FindingService findings;
    private final CostTableService costs;
    private final AuditService audits;

    ReplacementPlanService(FindingService findings, CostTableService costs, AuditService audits) {
        this.findings = findings;
        this.costs = costs;
        this.audits = audits;
    }

    public ReplacementPlan plan(String site, Confidence confidence) {
        List<PlanCandidate> candidates = findings.toReplace(site, confidence);
        return ReplacementPlanner.plan(candidates, costs.current(), audits.latestPolicyVersion().orElse(null),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
