package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.client.DevicePage;
import org.camaudit.audit.client.InventoryClient;
import org.camaudit.audit.config.AuditConfig;
import org.camaudit.audit.entity.Audit;
import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.DeviceEvaluator;
import org.camaudit.audit.evaluation.Evaluation;
import org.camaudit.common.problem.ProblemException;

/**
 * Runs audits: reads every device from inventory-service page by page, evaluates each one as its page arrives,
 * then stores all findings in one transaction. Nothing is stored unless the whole inventory was read.
 */
@ApplicationScoped
public class AuditService {

    /** Actor written to the decision trail for changes an audit makes. */
    static final String AUDIT_ACTOR = "audit";
    private static final long LOCK_KEY = 0x63616d5f617564L;

    private final InventoryClient inventory;
    private final PolicyService policies;
    private final AuditConfig config;
    private final EntityManager entityManager;

    AuditService(InventoryClient inventory, PolicyService policies, AuditConfig config, EntityManager entityManager) {
        this.inventory = inventory;
        this.policies = policies;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** What {@code POST /api/v1/audits} answers. */
    public record Summary(long auditId, int policyVersion, int devicesEvaluated, int flagged, Map<String, Integer> byVendor,
            long durationMs) {
    }

    /** A flagged device: what the finding records about it, and its verdicts. */
    private record Flagged(Device device, List<Evaluation> evaluations) {
    }

    /** Everything read from inventory and concluded, ready to store. */
    private record Reading(int devices, List<Flagged> flagged, Set<String> seen, Set<String> retired, long readNanos,
            long evaluationNanos) {
    }

    public Summary run(String user) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        DeviceEvaluator evaluator = policies.evaluator();
        Reading reading = read(evaluator);
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

    private Reading read(DeviceEvaluator evaluator) {
        int size = config.inventory().pageSize();
        int maxPages = config.inventory().maxDevices() / size + 1;
        List<Flagged> flagged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> retired = new HashSet<>();
        long readNanos = 0;
        long evaluationNanos = 0;
        int devices = 0;
        for (int page = 0; ; page++) {
            if (page >= maxPages) {
                throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory too large",
                        "inventory-service lists more than " + config.inventory().maxDevices()
                                + " devices (camaudit.audit.inventory.max-devices); nothing was stored");
            }
            long requested = System.nanoTime();
            DevicePage result = fetch(page, size);
            readNanos += System.nanoTime() - requested;
            long evaluating = System.nanoTime();
            for (Device device : result.itemsOrEmpty()) {
                if (device == null || device.id() == null || !seen.add(device.id())) {
                    continue;
                }
                devices++;
                if (device.retired()) {
                    retired.add(device.id());
                }
                List<Evaluation> evaluations = evaluator.evaluate(device);
                if (!evaluations.isEmpty()) {
                    flagged.add(new Flagged(device, evaluations));
                }
            }
            evaluationNanos += System.nanoTime() - evaluating;
            int received = result.itemsOrEmpty().size();
            if (received < size || (long) (page + 1) * size >= result.total()) {
                break;
            }
        }
        return new Reading(devices, flagged, seen, retired, readNanos, evaluationNanos);
    }

    private DevicePage fetch(int page, int size) {
        try {
            DevicePage result = inventory.page(page, size);
            if (result == null) {
                throw new IllegalStateException("empty answer");
            }
            return result;
        } catch (RuntimeException e) {
            Log.warnf("inventory-service failed on page %d: %s", page, e.toString());
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory unavailable",
                    "inventory-service could not be read (page " + page + "); the audit stopped and nothing was stored");
        }
    }

    private Audit store(Reading reading, int policyVersion, String user, OffsetDateTime startedAt, long started,
            long storeStarted) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Audit audit = new Audit();
        audit.policyVersion = policyVersion;
        audit.startedBy = user;
        audit.startedAt = startedAt;
        audit.finishedAt = now;
        audit.devicesEvaluated = reading.devices;
        audit.byVendor = Map.of();
        audit.persist();

        Map<String, Finding> existing = new HashMap<>();
        for (Finding finding : Finding.<Finding>listAll()) {
            existing.put(key(finding.deviceId, finding.vendor), finding);
        }
        Map<String, Integer> byVendor = new TreeMap<>();
        int flaggedDevices = 0;
        for (Flagged flagged : reading.flagged) {
            Device device = flagged.device;
            boolean counted = false;
            for (Evaluation evaluation : flagged.evaluations) {
                Finding finding = existing.remove(key(device.id(), evaluation.vendor()));
                if (finding == null && device.retired()) {
                    continue;
                }
                if (!device.retired()) {
                    byVendor.merge(evaluation.vendor(), 1, Integer::sum);
                    counted = true;
                }
                if (finding == null) {
                    finding = open(device, evaluation, audit, now);
                    audit.opened++;
                } else if (device.retired()) {
                    if (replaceable(finding)) {
                        change(finding, FindingStatus.REPLACED, "device retired in inventory", audit, now);
                        audit.replaced++;
                    }
                } else if (finding.status == FindingStatus.CLOSED) {
                    change(finding, FindingStatus.OPEN, "matches policy version " + policyVersion + " again", audit, now);
                    finding.closedReason = null;
                    audit.reopened++;
                }
                refresh(finding, device, evaluation, audit, now);
            }
            if (counted) {
                flaggedDevices++;
            }
        }
        for (Finding finding : existing.values()) {
            if (reading.retired.contains(finding.deviceId)) {
                if (replaceable(finding)) {
                    change(finding, FindingStatus.REPLACED, "device retired in inventory", audit, now);
                    audit.replaced++;
                }
            } else if (finding.status != FindingStatus.CLOSED && finding.status != FindingStatus.FALSE_POSITIVE
                    && finding.status != FindingStatus.REPLACED) {
                String reason = reading.seen.contains(finding.deviceId)
                        ? "no longer matches policy version " + policyVersion
                        : "device no longer listed by inventory";
                change(finding, FindingStatus.CLOSED, reason, audit, now);
                finding.closedReason = reason;
                audit.closed++;
            }
        }
        audit.flagged = flaggedDevices;
        audit.byVendor = byVendor;
        audit.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long finished = System.nanoTime();
        audit.inventoryReadMs = TimeUnit.NANOSECONDS.toMillis(reading.readNanos);
        audit.evaluationMs = TimeUnit.NANOSECONDS.toMillis(reading.evaluationNanos);
        audit.storeMs = TimeUnit.NANOSECONDS.toMillis(finished - storeStarted);
        audit.durationMs = TimeUnit.NANOSECONDS.toMillis(finished - started);
        return audit;
    }

    /** A retired device's finding becomes replaced, unless it was a false positive or already replaced. */
    private static boolean replaceable(Finding finding) {
        return finding.status != FindingStatus.REPLACED && finding.status != FindingStatus.FALSE_POSITIVE;
    }

    private static Finding open(Device device, Evaluation evaluation, Audit audit, OffsetDateTime now) {
        Finding finding = new Finding();
        finding.deviceId = device.id();
        finding.vendor = evaluation.vendor();
        finding.status = FindingStatus.OPEN;
        finding.firstAuditId = audit.id;
        finding.createdAt = now;
        return finding;
    }

    private static void refresh(Finding finding, Device device, Evaluation evaluation, Audit audit, OffsetDateTime now) {
        finding.site = cap(device.site(), 200);
        finding.ip = cap(device.ip(), 64);
        finding.location = cap(device.location(), 500);
        finding.model = cap(device.model(), 200);
        finding.reportedManufacturer = cap(device.reportedManufacturer(), 200);
        finding.category = evaluation.category();
        finding.confidence = evaluation.confidence();
        finding.matchedBy = evaluation.matchedBy();
        finding.basis = evaluation.basis();
        finding.policyVersion = audit.policyVersion;
        finding.lastAuditId = audit.id;
        finding.updatedAt = now;
        if (finding.id == null) {
            finding.persist();
        }
    }

    private static void change(Finding finding, FindingStatus to, String reason, Audit audit, OffsetDateTime now) {
        FindingEvent event = new FindingEvent();
        event.findingId = finding.id;
        event.at = now;
        event.actor = AUDIT_ACTOR;
        event.fromStatus = finding.status;
        event.toStatus = to;
        event.reason = reason;
        event.auditId = audit.id;
        event.persist();
        finding.status = to;
        finding.lastAuditId = audit.id;
        finding.updatedAt = now;
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

    private static String key(String deviceId, String vendor) {
        return deviceId + '\u0000' + vendor;
    }

    private static String cap(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
