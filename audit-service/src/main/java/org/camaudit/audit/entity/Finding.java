package org.camaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.evaluation.MatchedRule;
import org.camaudit.audit.policy.Category;

/**
 * A device attributed to a restricted vendor. Identity is device + vendor: later audits update the evidence and
 * keep the decision ({@code status}, {@code note}, {@code decidedBy}, {@code decidedAt}).
 *
 * <p>The JSON lists are immutable values, replaced whole, so Hibernate compares them by {@code equals} instead of
 * copying them; updates write only the columns that changed.
 */
@Entity
@DynamicUpdate
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_seq")
    @SequenceGenerator(name = "finding_seq", sequenceName = "finding_seq", allocationSize = 1)
    public Long id;

    @Column(name = "device_id", nullable = false)
    public String deviceId;

    @Column(nullable = false)
    public String vendor;

    public String site;

    public String ip;

    public String location;

    public String model;

    @Column(name = "reported_manufacturer")
    public String reportedManufacturer;

    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public Confidence confidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "matched_by", nullable = false)
    public List<MatchedRule> matchedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    public List<LegalBasis> basis;

    /** Bases of the site's jurisdictions that take effect after the audit date. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "upcoming_basis", nullable = false)
    public List<LegalBasis> upcomingBasis;

    /** When the device was made, as read from its serial or firmware; null when it could not be read. */
    @Column(name = "device_date")
    public String deviceDate;

    @Column(name = "device_date_source")
    public String deviceDateSource;

    @Column(nullable = false)
    public FindingStatus status;

    public String note;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "first_audit_id", nullable = false)
    public long firstAuditId;

    @Column(name = "last_audit_id", nullable = false)
    public long lastAuditId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
