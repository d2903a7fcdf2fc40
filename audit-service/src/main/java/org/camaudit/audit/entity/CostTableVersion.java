package org.camaudit.audit.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One stored version of the cost table; the replacement plan prices with the newest. */
@Entity
@Table(name = "cost_table_version")
public class CostTableVersion extends DocumentVersion {
}
