package org.camaudit.audit.ui;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;

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
}
