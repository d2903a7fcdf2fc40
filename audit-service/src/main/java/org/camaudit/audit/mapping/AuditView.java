package org.camaudit.audit.mapping;

import java.time.OffsetDateTime;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.entity.Audit;

/**
 * A stored audit: what it used, found and changed, and how long reading, evaluating and storing took
 * ({@code evaluationCpuMs} is the CPU time of the evaluation, which on a busy machine is less than its wall time).
 */
@RegisterForReflection
public record AuditView(long auditId, int policyVersion, String startedBy, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, int devicesEvaluated, int flagged, Map<String, Integer> byVendor, int opened,
        int reopened, int closed, int replaced, long durationMs, long inventoryReadMs, long evaluationMs, long evaluationCpuMs, long storeMs) {

    public static AuditView of(Audit a) {
        return new AuditView(a.id, a.policyVersion, a.startedBy, a.startedAt, a.finishedAt, a.devicesEvaluated,
                a.flagged, a.byVendor, a.opened, a.reopened, a.closed, a.replaced, a.durationMs, a.inventoryReadMs,
                a.evaluationMs, a.evaluationCpuMs, a.storeMs);
    }
}
