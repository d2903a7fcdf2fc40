package org.camaudit.audit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.policy.Category;

class ReplacementPlannerTest {

    private static final Validator VALIDATOR = TestPolicies.validator();
    private static final CostTable COSTS = StrictJson.read(TestPolicies.resource("policy/cost-table.json"), CostTable.class,
            VALIDATOR);
    private static final LegalBasis FEDERAL = basis("ndaa-fy2019-889a1a-video", "us-federal", "2019-08-13", null);
    private static final LegalBasis DOD = basis("ndaa-fy2024-805", "us-dod", "2026-06-30", "2027-06-30");
    private static final List<LegalBasis> BASIS = List.of(FEDERAL);

    private static LegalBasis basis(String id, String jurisdiction, String effective, String deadline) {
        return new LegalBasis(id, id + " law", jurisdiction, effective, deadline, "scope", "https://example.org/" + id,
                "2026-12-01");
    }

    private static PlanCandidate candidate(long id, String device, String site, String ip, Category category,
            Confidence confidence, String vendor) {
        return new PlanCandidate(id, device, site, ip, null, vendor, "model", category, confidence, BASIS, List.of());
    }

    @Test
    void shouldSortItemsByReplaceByWithinEachPriorityEarliestFirstAndNoneLast() {
        LegalBasis later = basis("later", "uk", "2025-01-01", "2028-01-01");
        ReplacementPlan plan = ReplacementPlanner.plan(List.of(
                new PlanCandidate(1, "none", "HQ", "10.0.0.1", null, "Dahua", "m", Category.FIXED, Confidence.LIKELY,
                        List.of(FEDERAL), List.of()),
                new PlanCandidate(2, "late", "HQ", "10.0.0.2", null, "Dahua", "m", Category.FIXED, Confidence.LIKELY,
                        List.of(FEDERAL, later), List.of()),
                new PlanCandidate(3, "early", "HQ", "10.0.0.3", null, "Dahua", "m", Category.FIXED, Confidence.LIKELY,
                        List.of(FEDERAL, later), List.of(DOD)),
                new PlanCandidate(4, "sure", "HQ", "10.0.0.4", null, "Dahua", "m", Category.FIXED, Confidence.CONFIRMED,
                        List.of(FEDERAL), List.of())), COSTS, 1, OffsetDateTime.parse("2026-12-01T10:00:00Z"));

        List<ReplacementPlan.Item> items = plan.sites().get(0).items();
        assertThat(items).extracting(ReplacementPlan.Item::deviceId).containsExactly("sure", "early", "late", "none");
        assertThat(items).extracting(ReplacementPlan.Item::replaceBy).containsExactly(null,
                LocalDate.of(2027, 6, 30), LocalDate.of(2028, 1, 1), null);
    }

    @Test
    void shouldReplaceADeviceFlaggedForTwoVendorsOnceUnderItsMostCertainFinding() {
        ReplacementPlan plan = ReplacementPlanner.plan(List.of(
                candidate(1, "d1", "HQ", "10.0.0.1", Category.CAMERA, Confidence.POSSIBLE, "Huawei"),
                candidate(2, "d1", "HQ", "10.0.0.1", Category.DOME, Confidence.CONFIRMED, "Hikvision")), COSTS, 1,
                OffsetDateTime.parse("2026-11-28T10:00:00Z"));

        assertThat(plan.totals().devices()).isEqualTo(1);
        assertThat(plan.sites().get(0).items()).singleElement().satisfies(item -> {
            assertThat(item.findingId()).isEqualTo(2);
            assertThat(item.vendor()).isEqualTo("Hikvision");
            assertThat(item.priority()).isEqualTo(1);
            assertThat(item.estimatedCost()).isEqualByComparingTo("700.00");
        });
    }

    @Test
    void shouldSortSitesByNameAndItemsByPriorityThenNumericAddress() {
        ReplacementPlan plan = ReplacementPlanner.plan(List.of(
                candidate(1, "a", "West", "10.0.0.10", Category.FIXED, Confidence.LIKELY, "Dahua"),
                candidate(2, "b", "West", "10.0.0.9", Category.FIXED, Confidence.LIKELY, "Dahua"),
                candidate(3, "c", "West", "10.0.0.200", Category.PTZ, Confidence.CONFIRMED, "Dahua"),
                candidate(4, "d", "East", "10.1.0.1", Category.NVR, Confidence.POSSIBLE, "Hikvision")), COSTS, 2,
                OffsetDateTime.parse("2026-11-28T10:00:00Z"));

        assertThat(plan.sites()).extracting(ReplacementPlan.Site::site).containsExactly("East", "West");
        assertThat(plan.sites().get(1).items()).extracting(ReplacementPlan.Item::deviceId).containsExactly("c", "b", "a");
        BigDecimal sum = plan.sites().stream().flatMap(s -> s.items().stream()).map(ReplacementPlan.Item::estimatedCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(plan.totals().estimatedCost()).isEqualByComparingTo(sum).isEqualByComparingTo("6820.00");
        assertThat(plan.sites()).allSatisfy(site -> assertThat(site.estimatedCost()).isEqualByComparingTo(
                site.items().stream().map(ReplacementPlan.Item::estimatedCost).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void shouldProduceAnEmptyPlanWithZeroTotals() {
        ReplacementPlan plan = ReplacementPlanner.plan(List.of(), COSTS, null, OffsetDateTime.parse("2026-11-28T10:00:00Z"));

        assertThat(plan.sites()).isEmpty();
        assertThat(plan.totals().devices()).isZero();
        assertThat(plan.totals().estimatedCost()).isEqualByComparingTo("0");
        assertThat(plan.currency()).isEqualTo("USD");
    }
}
