package org.camaudit.audit.evaluation;

import java.util.List;

import org.camaudit.audit.policy.Category;

/** The verdict on one device for one restricted vendor. */
public record Evaluation(String vendor, Confidence confidence, List<MatchedRule> matchedBy, List<LegalBasis> basis,
        Category category) {
}
