package org.camaudit.audit.evaluation;

import java.util.List;

import org.camaudit.audit.policy.Category;

/**
 * The verdict on one device for one restricted vendor: how sure, why, under which bases in force at the device's
 * site ({@code basis}) and which of its site's bases take effect later ({@code upcomingBasis}); when the device was
 * made and where that was read (null when it could not be read).
 */
public record Evaluation(String vendor, Confidence confidence, List<MatchedRule> matchedBy, List<LegalBasis> basis,
        List<LegalBasis> upcomingBasis, Category category, String deviceDate, String deviceDateSource) {
}
