package org.camaudit.inventory;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One scanner run at one site, with the counts of its ingest. */
@RegisterForReflection
@Entity
@Table(name = "scan")
@Schema(name = "Scan")
@JsonPropertyOrder({"scanId", "site", "scannerHost", "scannerVersion", "startedAt", "finishedAt", "targets",
        "receivedAt", "received", "created", "updated", "unchanged"})
public class Scan extends PanacheEntityBase {

    @Id
    @Column(name = "scan_id")
    @Schema(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23")
    public String scanId;

    @JsonIgnore
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Schema(example = "HQ")
    public String site;
    @Column(name = "scanner_host")
    @Schema(example = "jump-1")
    public String scannerHost;
    @Column(name = "scanner_version")
    @Schema(example = "0.1.0")
    public String scannerVersion;
    @Column(name = "started_at")
    @Schema(example = "2026-11-28T10:00:00Z")
    public Instant startedAt;
    @Column(name = "finished_at")
    @Schema(example = "2026-11-28T10:00:09Z")
    public Instant finishedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(example = "[\"10.1.0.0/24\"]")
    public List<String> targets;
    @Column(name = "received_at")
    @Schema(example = "2026-11-28T10:00:10Z")
    public Instant receivedAt;
    @Schema(example = "3")
    public int received;
    @Schema(example = "1")
    public int created;
    @Schema(example = "1")
    public int updated;
    @Schema(example = "1")
    public int unchanged;
}
