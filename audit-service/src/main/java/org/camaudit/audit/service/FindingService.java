package org.camaudit.audit.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.plan.PlanCandidate;
import org.camaudit.common.problem.ProblemException;

/** Lists findings and records auditors' decisions with who and when. */
@ApplicationScoped
public class FindingService {

    private final EntityManager entityManager;

    FindingService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Filters of the findings list; {@code null} means any. */
    public record Filter(String site, String vendor, Confidence confidence, FindingStatus status) {

        PanacheQuery<Finding> query(Sort sort) {
            List<String> clauses = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            if (site != null) {
                clauses.add("site = :site");
                parameters.put("site", site);
            }
            if (vendor != null) {
                clauses.add("lower(vendor) = :vendor");
                parameters.put("vendor", vendor.toLowerCase(Locale.ROOT));
            }
            if (confidence != null) {
                clauses.add("confidence = :confidence");
                parameters.put("confidence", confidence);
            }
            if (status != null) {
                clauses.add("status = :status");
                parameters.put("status", status);
            }
            return clauses.isEmpty() ? Finding.findAll(sort) : Finding.find(String.join(" and ", clauses), sort, parameters);
        }
    }

    /** One page of findings and the number of all that match. */
    public record Listing(List<Finding> items, long total) {
    }

    @Transactional
    public Listing list(Filter filter, Sort sort, int page, int size) {
        PanacheQuery<Finding> query = filter.query(sort).withHint(HibernateHints.HINT_READ_ONLY, true);
        return new Listing(query.page(Page.of(page, size)).list(), query.count());
    }

    @Transactional
    public Optional<Finding> find(long id) {
        return Finding.findByIdOptional(id);
    }

    /** The decision trail of one finding, oldest first; 404 for an unknown finding. */
    @Transactional
    public List<FindingEvent> history(long id) {
        if (Finding.findById(id) == null) {
            throw ProblemException.notFound("Finding " + id);
        }
        return FindingEvent.forFinding(id);
    }

    /**
     * Sets status and/or note, records who and when, and writes the change to the trail. {@code closed} is an
     * audit's conclusion, not a decision, so it cannot be set here.
     */
    @Transactional
    public Finding decide(long id, String statusCode, String note, String user) {
        Finding finding = Finding.findById(id);
        if (finding == null) {
            throw ProblemException.notFound("Finding " + id);
        }
        FindingStatus to = finding.status;
        if (statusCode != null) {
            to = FindingStatus.parse(statusCode).filter(s -> s != FindingStatus.CLOSED)
                    .orElseThrow(() -> ProblemException.badRequest("status",
                            "must be one of open, replacement-planned, replaced, risk-accepted, false-positive"));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        FindingEvent event = FindingEvent.transition(finding, to, user, now);
        event.note = note;
        event.persist();
        if (to != FindingStatus.CLOSED) {
            finding.closedReason = null;
        }
        finding.status = to;
        if (note != null) {
            finding.note = note;
        }
        finding.decidedBy = user;
        finding.decidedAt = now;
        finding.updatedAt = now;
        Log.infof("finding %d: %s -> %s by %s", finding.id, event.fromStatus.code(), to.code(), user);
        return finding;
    }

    /** Findings that still need a replacement, as plan candidates (without the evidence the plan does not show). */
    @Transactional
    public List<PlanCandidate> toReplace(String site, Confidence confidence) {
        StringBuilder jpql = new StringBuilder("select new org.camaudit.audit.plan.PlanCandidate(f.id, f.deviceId, f.site, "
                + "f.ip, f.location, f.vendor, f.model, f.category, f.confidence, f.basis, f.upcomingBasis) from Finding f "
                + "where f.status in :statuses");
        if (site != null) {
            jpql.append(" and f.site = :site");
        }
        if (confidence != null) {
            jpql.append(" and f.confidence = :confidence");
        }
        jpql.append(" order by f.id");
        TypedQuery<PlanCandidate> query = entityManager.createQuery(jpql.toString(), PlanCandidate.class)
                .setParameter("statuses", List.of(FindingStatus.OPEN, FindingStatus.REPLACEMENT_PLANNED));
        if (site != null) {
            query.setParameter("site", site);
        }
        if (confidence != null) {
            query.setParameter("confidence", confidence);
        }
        return query.getResultList();
    }
}
