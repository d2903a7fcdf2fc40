package org.camaudit.audit.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.entity.Audit;
import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.evaluation.DeviceEvaluator;
import org.camaudit.audit.evaluation.Evaluation;
import org.camaudit.audit.evaluation.SiteScope;

/**
 * Runs audits: evaluates every device while the inventory streams it ({@link InventoryReader}), then brings the
 * findings in line ({@link FindingsReconciler}) and writes what changed ({@link FindingStore}) in one transaction.
 * Nothing is stored unless the whole inventory was read.
 */
@ApplicationScoped
public class AuditService {

    private static final long LOCK_KEY = 0x63616d5f617564L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final InventoryReader inventory;
    private final FindingStore findings;
    private final PolicyService policies;
    private final JurisdictionService jurisdictions;
    private final AuditConfig config;
    private final EntityManager entityManager;

    AuditService(InventoryReader inventory, FindingStore findings, PolicyService policies, JurisdictionService jurisdictions, AuditConfig config,
            EntityManager entityManager) {
        this.inventory = inventory;
        this.findings = findings;
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** What {@code POST /api/v1/audits} answers. */
    @RegisterForReflection
    public record Summary(long auditId, int policyVersion, int devicesEvaluated, int flagged,
            Map<String, Integer> byVendor, long durationMs) {
    }

    /** Devices seen while reading and what the evaluator concluded about them. */
    private static final class Reading {
        final DeviceEvaluator evaluator;
        final Function<String, SiteScope> scopes;
        final List<FindingsReconciler.Flagged> flagged = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> retired = new HashSet<>();
        long evaluationNanos;
        long evaluationCpuNanos;
        long readNanos;

        Reading(DeviceEvaluator evaluator, Function<String, SiteScope> scopes) {
            this.evaluator = evaluator;
            this.scopes = scopes;
        }

        void add(Device device) {
            if (device == null || device.id() == null || !seen.add(device.id())) {
                return;
            }
            long started = System.nanoTime();
            long cpuStarted = CPU.getCurrentThreadCpuTime();
            if (device.retired()) {
                retired.add(device.id());
            }
            List<Evaluation> evaluations = evaluator.evaluate(device, scopes.apply(device.site()));
            if (!evaluations.isEmpty()) {
                flagged.add(new FindingsReconciler.Flagged(device, evaluations));
            }
            evaluationNanos += System.nanoTime() - started;
            evaluationCpuNanos += CPU.getCurrentThreadCpuTime() - cpuStarted;
        }
    }

    public Summary run(String user) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        DeviceEvaluator evaluator = policies.evaluator();
        Reading reading = new Reading(evaluator, jurisdictions.scopes(startedAt.toLocalDate()));
        inventory.read(reading::add);
        reading.readNanos = System.nanoTime() - started - reading.evaluationNanos;
        long storeStarted = System.nanoTime();
        Audit audit = QuarkusTransaction.requiringNew()
                .timeout((int) config.audits().transactionTimeout().toSeconds())
                .call(() -> store(reading, evaluator.policyVersion(), user, startedAt, started, storeStarted));
        Log.infof("audit %d by %s: %d devices, %d flagged %s; read %d ms, evaluation %d ms, store %d ms", audit.id, user,
                audit.devicesEvaluated, audit.flagged, audit.byVendor, audit.inventoryReadMs, audit.evaluationMs,
                audit.storeMs);
        return new Summary(audit.id, audit.policyVersion, audit.devicesEvaluated, audit.flagged, audit.byVendor,
                audit.durationMs);
    }

    private Audit store(Reading reading, int policyVersion, String user, OffsetDateTime startedAt, long started,
            long storeStarted) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        List<Finding> stored = findings.all();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Audit audit = new Audit();
        audit.policyVersion = policyVersion;
        audit.startedBy = user;
        audit.startedAt = startedAt;
        audit.finishedAt = now;
        audit.devicesEvaluated = reading.seen.size();
        audit.byVendor = Map.of();
        audit.persist();
        entityManager.flush();

        FindingsReconciler.Outcome outcome = FindingsReconciler.reconcile(stored, reading.flagged, reading.seen,
                reading.retired, audit, now);
        findings.insert(outcome.created());
        findings.update(outcome.updated(), outcome.events());
        findings.insertEvents(outcome.events());
        audit.flagged = outcome.flaggedDevices();
        audit.byVendor = Collections.unmodifiableMap(outcome.byVendor());
        entityManager.flush();
        audit.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long finished = System.nanoTime();
        audit.inventoryReadMs = TimeUnit.NANOSECONDS.toMillis(reading.readNanos);
        audit.evaluationMs = TimeUnit.NANOSECONDS.toMillis(reading.evaluationNanos);
        audit.evaluationCpuMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, reading.evaluationCpuNanos));
        audit.storeMs = TimeUnit.NANOSECONDS.toMillis(finished - storeStarted);
        audit.durationMs = TimeUnit.NANOSECONDS.toMillis(finished - started);
        return audit;
    }

    @Transactional
    public Optional<Audit> find(long id) {
        return Audit.findByIdOptional(id);
    }

    /** Audits, newest first. */
    @Transactional
    public List<Audit> list(int page, int size) {
        return Audit.findAll(Sort.descending("id")).page(Page.of(page, size)).list();
    }

    /** The policy version of the newest audit, if any audit ran. */
    @Transactional
    public Optional<Integer> latestPolicyVersion() {
        return Audit.<Audit>findAll(Sort.descending("id")).firstResultOptional().map(a -> a.policyVersion);
    }

    @Transactional
    public long count() {
        return Audit.count();
    }
}
