package org.camaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One audit run: which policy, how many devices, what it found and changed, how long each phase took. */
@Entity
@Table(name = "audit")
public class Audit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seq")
    @SequenceGenerator(name = "audit_seq", sequenceName = "audit_seq", allocationSize = 1)
    public Long id;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "finished_at", nullable = false)
    public OffsetDateTime finishedAt;

    @Column(name = "devices_evaluated", nullable = false)
    public int devicesEvaluated;

    @Column(nullable = false)
    public int flagged;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "by_vendor", nullable = false)
    public Map<String, Integer> byVendor;

    @Column(nullable = false)
    public int opened;

    @Column(nullable = false)
    public int reopened;

    @Column(nullable = false)
    public int closed;

    @Column(nullable = false)
    public int replaced;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "inventory_read_ms", nullable = false)
    public long inventoryReadMs;

    @Column(name = "evaluation_ms", nullable = false)
    public long evaluationMs;

    @Column(name = "evaluation_cpu_ms", nullable = false)
    public long evaluationCpuMs;

    @Column(name = "store_ms", nullable = false)
    public long storeMs;
}
