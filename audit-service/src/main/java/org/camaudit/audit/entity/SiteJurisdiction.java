package org.camaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The jurisdictions one site is audited under, as an auditor set them. */
@Entity
@Table(name = "site_jurisdiction")
public class SiteJurisdiction extends PanacheEntityBase {

    @Id
    public String site;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> jurisdictions;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
