package org.camaudit.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.entity.Audit;
import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.Evaluation;
import org.camaudit.audit.evaluation.MatchedRule;
import org.camaudit.audit.policy.Category;

/** The reconciliation rules on plain objects: no database, no service. */
class FindingsReconcilerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T12:00:00Z");

    private static Audit audit() {
        Audit audit = new Audit();
        audit.id = 7L;
        audit.policyVersion = 3;
        return audit;
    }

    private static Evaluation hikvision() {
        return new Evaluation("Hikvision", Confidence.CONFIRMED, List.of(new MatchedRule("alias", "manufacturer = HIKVISION")),
                List.of(), List.of(), Category.DOME, null, null);
    }

    private static Finding stored(long id, String deviceId, FindingStatus status) {
        Finding finding = new Finding();
        finding.id = id;
        finding.deviceId = deviceId;
        finding.vendor = "Hikvision";
        finding.status = status;
        return finding;
    }

    @Test
    void shouldOpenANewMatchAndCountItsVendor() {
        Device device = device().id("d1").site("HQ").manufacturer("Hikvision").build();
        Audit audit = audit();

        FindingsReconciler.Outcome outcome = FindingsReconciler.reconcile(List.of(),
                List.of(new FindingsReconciler.Flagged(device, List.of(hikvision()))), Set.of("d1"), Set.of(), audit, NOW);

        assertThat(outcome.created()).singleElement().satisfies(f -> {
            assertThat(f.status).isEqualTo(FindingStatus.OPEN);
            assertThat(f.site).isEqualTo("HQ");
            assertThat(f.firstAuditId).isEqualTo(7L);
        });
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.byVendor()).containsEntry("Hikvision", 1);
        assertThat(audit.opened).isEqualTo(1);
    }

    @Test
    void shouldKeepADecisionAndTouchNothingWhenNothingChanged() {
        Device device = device().id("d1").site("HQ").manufacturer("Hikvision").build();
        Finding decided = stored(1, "d1", FindingStatus.RISK_ACCEPTED);
        FindingsReconciler.reconcile(List.of(decided), List.of(new FindingsReconciler.Flagged(device, List.of(hikvision()))),
                Set.of("d1"), Set.of(), audit(), NOW);
        decided.lastAuditId = 0;
        decided.updatedAt = null;

        FindingsReconciler.Outcome again = FindingsReconciler.reconcile(List.of(decided),
                List.of(new FindingsReconciler.Flagged(device, List.of(hikvision()))), Set.of("d1"), Set.of(), audit(), NOW);

        assertThat(decided.status).isEqualTo(FindingStatus.RISK_ACCEPTED);
        assertThat(decided.updatedAt).as("an unchanged finding is not rewritten").isNull();
        assertThat(again.created()).isEmpty();
        assertThat(again.events()).isEmpty();
    }

    @Test
    void shouldCloseWhatNoLongerMatchesReopenItLaterAndReplaceRetiredDevices() {
        Finding gone = stored(1, "d-gone", FindingStatus.OPEN);
        Finding unmatched = stored(2, "d-unmatched", FindingStatus.REPLACEMENT_PLANNED);
        Finding retired = stored(3, "d-retired", FindingStatus.OPEN);
        Finding falsePositive = stored(4, "d-fp", FindingStatus.FALSE_POSITIVE);
        Audit audit = audit();

        FindingsReconciler.Outcome outcome = FindingsReconciler.reconcile(List.of(gone, unmatched, retired, falsePositive),
                List.of(), Set.of("d-unmatched", "d-retired", "d-fp"), Set.of("d-retired"), audit, NOW);

        assertThat(gone.status).isEqualTo(FindingStatus.CLOSED);
        assertThat(gone.closedReason).isEqualTo("device no longer listed by inventory");
        assertThat(unmatched.closedReason).isEqualTo("no longer matches policy version 3 at its site");
        assertThat(retired.status).isEqualTo(FindingStatus.REPLACED);
        assertThat(falsePositive.status).isEqualTo(FindingStatus.FALSE_POSITIVE);
        assertThat(outcome.events()).extracting(e -> e.toStatus)
                .containsExactlyInAnyOrder(FindingStatus.CLOSED, FindingStatus.CLOSED, FindingStatus.REPLACED);
        assertThat(outcome.events()).allSatisfy(e -> assertThat(e.actor).isEqualTo("audit"));
        assertThat(audit.closed).isEqualTo(2);
        assertThat(audit.replaced).isEqualTo(1);

        Device back = device().id("d-unmatched").manufacturer("Hikvision").build();
        FindingsReconciler.reconcile(List.of(unmatched), List.of(new FindingsReconciler.Flagged(back, List.of(hikvision()))),
                Set.of("d-unmatched"), Set.of(), audit, NOW);
        assertThat(unmatched.status).isEqualTo(FindingStatus.OPEN);
        assertThat(unmatched.closedReason).isNull();
    }
}
