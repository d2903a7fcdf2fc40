package org.camaudit.audit.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One stored version of the policy; never changed once written. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public int version;

    @Column(nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public static Optional<PolicyVersion> latest() {
        return PolicyVersion.<PolicyVersion>findAll(Sort.descending("version")).firstResultOptional();
    }

    public static List<PolicyVersion> newestFirst() {
        return listAll(Sort.descending("version"));
    }
}
