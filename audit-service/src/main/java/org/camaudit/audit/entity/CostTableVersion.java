package org.camaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One stored version of the cost table; the replacement plan prices with the newest. */
@Entity
@Table(name = "cost_table_version")
public class CostTableVersion extends PanacheEntityBase {

    @Id
    public int version;

    @Column(nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public static Optional<CostTableVersion> latest() {
        return CostTableVersion.<CostTableVersion>findAll(Sort.descending("version")).firstResultOptional();
    }
}
