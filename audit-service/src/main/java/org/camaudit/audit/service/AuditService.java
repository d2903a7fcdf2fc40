package org.camaudit.audit.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
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
import org.camaudit.audit.evaluation.SiteScope;
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
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final ThreadFactory READER_THREADS = runnable -> {
        Thread thread = new Thread(runnable, "inventory-reader");
        thread.setDaemon(true);
        return thread;
    };

    private final InventoryClient inventory;
    private final PolicyService policies;
    private final JurisdictionService jurisdictions;
    private final AuditConfig config;
    private final EntityManager entityManager;

    AuditService(InventoryClient inventory, PolicyService policies, JurisdictionService jurisdictions, AuditConfig config,
            EntityManager entityManager) {
        this.inventory = inventory;
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** What {@code POST /api/v1/audits} answers. */
    @RegisterForReflection
    public record Summary(long auditId, int policyVersion, int devicesEvaluated, int flagged, Map<String, Integer> byVendor,
            long durationMs) {
    }

    /** A flagged device: what the finding records about it, and its verdicts. */
    private record Flagged(Device device, List<Evaluation> evaluations) {
    }

    /** Everything read from inventory and concluded, ready to store. */
    private record Reading(int devices, List<Flagged> flagged, Set<String> seen, Set<String> retired, long readNanos,
            long evaluationNanos, long evaluationCpuNanos) {
    }

    public Summary run(String user) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        DeviceEvaluator evaluator = policies.evaluator();
        Reading reading = read(evaluator, jurisdictions.scopes(startedAt.toLocalDate()));
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

    /** Devices seen so far and what the evaluator concluded, filled page by page. */
    private static final class Collector {
        final DeviceEvaluator evaluator;
        final Function<String, SiteScope> scopes;
        final List<Flagged> flagged = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> retired = new HashSet<>();
        long evaluationNanos;
        long evaluationCpuNanos;

        Collector(DeviceEvaluator evaluator, Function<String, SiteScope> scopes) {
            this.evaluator = evaluator;
            this.scopes = scopes;
        }

        void add(DevicePage page) {
            long started = System.nanoTime();
            long cpuStarted = CPU.getCurrentThreadCpuTime();
            for (Device device : page.itemsOrEmpty()) {
                if (device == null || device.id() == null || !seen.add(device.id())) {
                    continue;
                }
                if (device.retired()) {
                    retired.add(device.id());
                }
                List<Evaluation> evaluations = evaluator.evaluate(device, scopes.apply(device.site()));
                if (!evaluations.isEmpty()) {
                    flagged.add(new Flagged(device, evaluations));
                }
            }
            evaluationNanos += System.nanoTime() - started;
            evaluationCpuNanos += CPU.getCurrentThreadCpuTime() - cpuStarted;
        }
    }

    /**
     * Page 0 tells the total; the remaining pages are requested a few at a time and evaluated in order as they
     * arrive, so evaluation overlaps the inventory's work. Pages beyond the first total are read while they come
     * back full (devices added during the audit).
     */
    private Reading read(DeviceEvaluator evaluator, Function<String, SiteScope> scopes) {
        AuditConfig.Inventory settings = config.inventory();
        int size = settings.pageSize();
        long started = System.nanoTime();
        Collector collector = new Collector(evaluator, scopes);
        DevicePage first = fetch(0, size);
        if (first.total() > settings.maxDevices()) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory too large",
                    "inventory-service lists " + first.total() + " devices, more than camaudit.audit.inventory.max-devices ("
                            + settings.maxDevices() + "); nothing was stored");
        }
        collector.add(first);
        int pages = (int) Math.max(1, (first.total() + size - 1) / size);
        boolean lastFull = first.itemsOrEmpty().size() >= size;
        if (pages > 1) {
            int concurrency = Math.max(1, settings.concurrency());
            ExecutorService pool = Executors.newFixedThreadPool(concurrency, READER_THREADS);
            try {
                Deque<Future<DevicePage>> inFlight = new ArrayDeque<>();
                int next = 1;
                while (next < pages && inFlight.size() < concurrency) {
                    inFlight.add(submit(pool, next++, size));
                }
                for (int page = 1; !inFlight.isEmpty(); page++) {
                    DevicePage result = await(inFlight.poll(), page);
                    if (next < pages) {
                        inFlight.add(submit(pool, next++, size));
                    }
                    collector.add(result);
                    lastFull = result.itemsOrEmpty().size() >= size;
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (int page = pages; lastFull; page++) {
            if ((long) page * size >= settings.maxDevices()) {
                throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory too large",
                        "inventory-service lists more than camaudit.audit.inventory.max-devices (" + settings.maxDevices()
                                + ") devices; nothing was stored");
            }
            DevicePage result = fetch(page, size);
            collector.add(result);
            lastFull = result.itemsOrEmpty().size() >= size;
        }
        long readNanos = System.nanoTime() - started - collector.evaluationNanos;
        return new Reading(collector.seen.size(), collector.flagged, collector.seen, collector.retired, readNanos,
                collector.evaluationNanos, collector.evaluationCpuNanos);
    }

    private Future<DevicePage> submit(ExecutorService pool, int page, int size) {
        return pool.submit(() -> fetch(page, size));
    }

    private static DevicePage await(Future<DevicePage> future, int page) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw unavailable(page, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(page, e);
        }
    }

    private DevicePage fetch(int page, int size) {
        try {
            DevicePage result = inventory.page(page, size);
            if (result == null) {
                throw new IllegalStateException("empty answer");
            }
            return result;
        } catch (RuntimeException e) {
            throw unavailable(page, e);
        }
    }

    private static ProblemException unavailable(int page, Throwable cause) {
        Log.warnf("inventory-service failed on page %d: %s", page, String.valueOf(cause));
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory unavailable",
                "inventory-service could not be read (page " + page + "); the audit stopped and nothing was stored");
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
        audit.byVendor = Collections.unmodifiableMap(byVendor);
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

    /**
     * Copies what the audit saw into the finding, touching only values that differ, so an unchanged finding
     * costs no UPDATE; {@code lastAuditId} and {@code updatedAt} name the last audit that changed it.
     */
    private static void refresh(Finding finding, Device device, Evaluation evaluation, Audit audit, OffsetDateTime now) {
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
        changed |= set(finding.policyVersion, audit.policyVersion, v -> finding.policyVersion = v);
        if (changed) {
            finding.lastAuditId = audit.id;
            finding.updatedAt = now;
        }
        if (finding.id == null) {
            finding.persist();
        }
    }

    private static <T> boolean set(T current, T seen, Consumer<T> assign) {
        if (Objects.equals(current, seen)) {
            return false;
        }
        assign.accept(seen);
        return true;
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
