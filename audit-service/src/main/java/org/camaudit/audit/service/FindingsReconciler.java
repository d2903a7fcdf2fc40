package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.entity.Audit;
import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Evaluation;

/**
 * Brings the stored findings in line with what one audit concluded, in memory: opens findings for new matches,
 * refreshes what the audit saw (touching only values that differ, so an unchanged finding costs no UPDATE),
 * closes findings that no longer match, reopens closed ones that match again, and marks findings of retired
 * devices replaced. Decisions (status, note) are kept. Every status change an audit makes becomes an event with
 * actor {@value #AUDIT_ACTOR}. The caller stores {@link Outcome#created()}, {@link Outcome#updated()} and
 * {@link Outcome#events()}; a stored finding the audit left as it was is in none of them.
 */
final class FindingsReconciler {

    /** Actor written to the decision trail for changes an audit makes. */
    static final String AUDIT_ACTOR = "audit";

    private final Audit audit;
    private final OffsetDateTime now;
    private final List<Finding> created = new ArrayList<>();
    private final Set<Finding> updated = new LinkedHashSet<>();
    private final List<FindingEvent> events = new ArrayList<>();

    /** A flagged device: what the finding records about it, and its verdicts. */
    record Flagged(Device device, List<Evaluation> evaluations) {
    }

    /**
     * What the reconciliation produced; the counts are also written to the audit.
     *
     * @param created new findings, without ids
     * @param updated stored findings whose values or status this audit changed
     * @param events  the status changes, of stored findings only
     */
    record Outcome(List<Finding> created, Collection<Finding> updated, List<FindingEvent> events, int flaggedDevices,
            Map<String, Integer> byVendor) {
    }

    private FindingsReconciler(Audit audit, OffsetDateTime now) {
        this.audit = audit;
        this.now = now;
    }

    /**
     * @param existing every stored finding
     * @param flagged  the devices this audit flagged
     * @param seen     ids of every device the inventory listed
     * @param retired  ids of the listed devices the inventory reports retired
     */
    static Outcome reconcile(Collection<Finding> existing, List<Flagged> flagged, Set<String> seen, Set<String> retired,
            Audit audit, OffsetDateTime now) {
        return new FindingsReconciler(audit, now).run(existing, flagged, seen, retired);
    }

    private Outcome run(Collection<Finding> existing, List<Flagged> flagged, Set<String> seen, Set<String> retired) {
        Map<String, Finding> open = new HashMap<>();
        for (Finding finding : existing) {
            open.put(key(finding.deviceId, finding.vendor), finding);
        }
        Map<String, Integer> byVendor = new TreeMap<>();
        int flaggedDevices = 0;
        for (Flagged each : flagged) {
            Device device = each.device();
            boolean counted = false;
            for (Evaluation evaluation : each.evaluations()) {
                Finding finding = open.remove(key(device.id(), evaluation.vendor()));
                if (finding == null && device.retired()) {
                    continue;
                }
                if (!device.retired()) {
                    byVendor.merge(evaluation.vendor(), 1, Integer::sum);
                    counted = true;
                }
                if (finding == null) {
                    finding = open(device, evaluation);
                } else if (device.retired()) {
                    replace(finding);
                } else if (finding.status == FindingStatus.CLOSED) {
                    change(finding, FindingStatus.OPEN, "matches policy version " + audit.policyVersion + " again");
                    finding.closedReason = null;
                    audit.reopened++;
                }
                refresh(finding, device, evaluation);
            }
            if (counted) {
                flaggedDevices++;
            }
        }
        for (Finding finding : open.values()) {
            if (retired.contains(finding.deviceId)) {
                replace(finding);
            } else if (finding.status != FindingStatus.CLOSED && finding.status != FindingStatus.FALSE_POSITIVE
                    && finding.status != FindingStatus.REPLACED) {
                String reason = seen.contains(finding.deviceId)
                        ? "no longer matches policy version " + audit.policyVersion + " at its site"
                        : "device no longer listed by inventory";
                change(finding, FindingStatus.CLOSED, reason);
                finding.closedReason = reason;
                audit.closed++;
            }
        }
        return new Outcome(created, updated, events, flaggedDevices, byVendor);
    }

    /** A retired device's finding becomes replaced, unless it was a false positive or already replaced. */
    private void replace(Finding finding) {
        if (finding.status != FindingStatus.REPLACED && finding.status != FindingStatus.FALSE_POSITIVE) {
            change(finding, FindingStatus.REPLACED, "device retired in inventory");
            audit.replaced++;
        }
    }

    private Finding open(Device device, Evaluation evaluation) {
        Finding finding = new Finding();
        finding.deviceId = device.id();
        finding.vendor = evaluation.vendor();
        finding.status = FindingStatus.OPEN;
        finding.firstAuditId = audit.id;
        finding.createdAt = now;
        created.add(finding);
        audit.opened++;
        return finding;
    }

    /** Copies what the audit saw; {@code lastAuditId} and {@code updatedAt} name the last audit that changed it. */
    private void refresh(Finding finding, Device device, Evaluation evaluation) {
        boolean changed = finding.id == null;
        changed |= set(finding.site, cap(device.site(), 200), v -> finding.site = v);
        changed |= set(finding.ip, cap(device.ip(), 64), v -> finding.ip = v);
        changed |= set(finding.location, cap(device.location(), 500), v -> finding.location = v);
        changed |= set(finding.model, cap(device.model(), 200), v -> finding.model = v);
        changed |= set(finding.reportedManufacturer, cap(device.reportedManufacturer(), 200),
                v -> finding.reportedManufacturer = v);
        changed |= set(finding.category, evaluation.category(), v -> finding.category = v);
        changed |= set(finding.confidence, evaluation.confidence(), v -> finding.confidence = v);
        changed |= set(finding.matchedBy, evaluation.matchedBy(), v -> finding.matchedBy = v);
        changed |= set(finding.basis, evaluation.basis(), v -> finding.basis = v);
        changed |= set(finding.upcomingBasis, evaluation.upcomingBasis(), v -> finding.upcomingBasis = v);
        changed |= set(finding.deviceDate, evaluation.deviceDate(), v -> finding.deviceDate = v);
        changed |= set(finding.deviceDateSource, cap(evaluation.deviceDateSource(), 500), v -> finding.deviceDateSource = v);
        changed |= set(finding.policyVersion, audit.policyVersion, v -> finding.policyVersion = v);
        if (changed) {
            touch(finding);
        }
    }

    private static <T> boolean set(T current, T seen, Consumer<T> assign) {
        if (Objects.equals(current, seen)) {
            return false;
        }
        assign.accept(seen);
        return true;
    }

    private void change(Finding finding, FindingStatus to, String reason) {
        FindingEvent event = FindingEvent.transition(finding, to, AUDIT_ACTOR, now);
        event.reason = reason;
        event.auditId = audit.id;
        events.add(event);
        finding.status = to;
        touch(finding);
    }

    /** Marks a finding changed by this audit; a stored one is then written back. */
    private void touch(Finding finding) {
        finding.lastAuditId = audit.id;
        finding.updatedAt = now;
        if (finding.id != null) {
            updated.add(finding);
        }
    }

    private static String key(String deviceId, String vendor) {
        return deviceId + '\u0000' + vendor;
    }

    private static String cap(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
