package org.camaudit.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One stored version of the policy; audits name the version they used. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends DocumentVersion {
}
