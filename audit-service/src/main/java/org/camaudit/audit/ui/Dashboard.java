package org.camaudit.audit.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.plan.ReplacementPlan;

/**
 * The dashboard's counts: flagged devices (findings neither closed by an audit nor judged false positives) by
 * vendor, site, confidence and status, in one grouped read.
 */
@ApplicationScoped
public class Dashboard {

    /** The statuses a device counts as flagged in. */
    static final Set<FindingStatus> FLAGGED = EnumSet.of(FindingStatus.OPEN, FindingStatus.REPLACEMENT_PLANNED,
            FindingStatus.REPLACED, FindingStatus.RISK_ACCEPTED);

    /** Flagged devices counted four ways. */
    public record Counts(long flagged, Map<String, Long> byVendor, Map<String, Long> bySite,
            Map<String, Long> byConfidence, Map<String, Long> byStatus) {
    }

    /** The plan's devices and cost that must be gone by one date; {@code replaceBy} null: no deadline applies yet. */
    public record Deadline(LocalDate replaceBy, long devices, BigDecimal estimatedCost) {
        public String label() {
            return replaceBy == null ? "no deadline" : replaceBy.toString();
        }
    }

    private final EntityManager entityManager;

    Dashboard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Counts counts() {
        List<Object[]> rows = entityManager.createQuery("select f.vendor, f.site, f.confidence, f.status, count(f) "
                + "from Finding f where f.status in :flagged group by f.vendor, f.site, f.confidence, f.status",
                Object[].class).setParameter("flagged", FLAGGED).getResultList();
        Map<String, Long> vendor = new LinkedHashMap<>();
        Map<String, Long> site = new LinkedHashMap<>();
        Map<String, Long> confidence = new LinkedHashMap<>();
        for (Confidence c : Confidence.values()) {
            confidence.put(c.code(), 0L);
        }
        Map<String, Long> status = new LinkedHashMap<>();
        for (FindingStatus s : FLAGGED) {
            status.put(s.code(), 0L);
        }
        long total = 0;
        for (Object[] row : rows) {
            long n = (Long) row[4];
            vendor.merge((String) row[0], n, Long::sum);
            site.merge((String) row[1], n, Long::sum);
            confidence.merge(((Confidence) row[2]).code(), n, Long::sum);
            status.merge(((FindingStatus) row[3]).code(), n, Long::sum);
            total += n;
        }
        return new Counts(total, sortedByCount(vendor), sortedByCount(site), confidence, status);
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The plan's items grouped by {@code replaceBy}, earliest first, those without a deadline last. */
    public static List<Deadline> timeline(ReplacementPlan plan) {
        Map<LocalDate, long[]> devices = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<LocalDate, BigDecimal> cost = new LinkedHashMap<>();
        for (ReplacementPlan.Site site : plan.sites()) {
            for (ReplacementPlan.Item item : site.items()) {
                devices.computeIfAbsent(item.replaceBy(), d -> new long[1])[0]++;
                cost.merge(item.replaceBy(), item.estimatedCost() == null ? BigDecimal.ZERO : item.estimatedCost(),
                        BigDecimal::add);
            }
        }
        return devices.entrySet().stream()
                .map(e -> new Deadline(e.getKey(), e.getValue()[0], cost.get(e.getKey()))).toList();
    }
}
