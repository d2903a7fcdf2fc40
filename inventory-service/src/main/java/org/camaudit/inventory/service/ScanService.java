package org.camaudit.inventory.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import org.camaudit.inventory.Device;
import org.camaudit.inventory.Scan;
import org.camaudit.inventory.mapping.PageResult;
import org.camaudit.inventory.mapping.SiteSummary;

/** Reads scans and the per-site summary. */
@ApplicationScoped
public class ScanService {

    private static final String SITES = """
            SELECT s.site,
                   (SELECT count(*) FROM device d WHERE d.site = s.site) AS devices,
                   (SELECT count(*) FROM device d WHERE d.site = s.site AND d.status = 'missing') AS missing,
                   last.scan_id, last.started_at
            FROM (SELECT site FROM scan UNION SELECT site FROM device) s
            LEFT JOIN LATERAL (SELECT scan_id, started_at FROM scan x WHERE x.site = s.site
                               ORDER BY x.started_at DESC, x.seq DESC LIMIT 1) last ON true
            ORDER BY s.site
            """;

    public PageResult<Scan> list(String site, Page page) {
        Sort newestFirst = Sort.descending("startedAt").and("seq", Sort.Direction.Descending);
        var found = site == null || site.isBlank()
                ? Scan.<Scan>findAll(newestFirst)
                : Scan.<Scan>find("site = :site", newestFirst, Parameters.with("site", site.strip()));
        return new PageResult<>(found.page(page).list(), page.index, page.size, found.count());
    }

    public Optional<Scan> find(String scanId) {
        return Scan.findByIdOptional(scanId);
    }

    /** The names of the sites that have been scanned, in order: read from the scans, not the devices. */
    public List<String> siteNames() {
        return Scan.getEntityManager().createQuery("select distinct s.site from Scan s order by s.site", String.class)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<SiteSummary> sites() {
        List<Object[]> rows = Device.getEntityManager().createNativeQuery(SITES).getResultList();
        return rows.stream()
                .map(r -> new SiteSummary((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                        (String) r[3], instant(r[4])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
    }
}
