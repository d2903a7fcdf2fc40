package org.camaudit.inventory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.DynamicUpdate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One physical camera (or recorder): the latest observed facts, plus what people record about it.
 * Rows are written by the set-based ingest ({@code service.ingest}); this mapping serves reads and edits,
 * and an edit writes only the columns it changed.
 */
@RegisterForReflection
@Entity
@DynamicUpdate
@Table(name = "device")
@Schema(name = "Device")
@JsonPropertyOrder({"id", "facts", "observedAt", "location", "owner", "notes", "status", "firstSeen", "lastSeen",
        "lastScanId"})
public class Device extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Schema(example = "42")
    public Long id;

    @Embedded
    @JsonUnwrapped
    public ObservedFacts facts;

    @Schema(example = "Building A, loading dock")
    public String location;
    @Schema(example = "Facilities east")
    public String owner;
    @Schema(example = "Scheduled for replacement in Q1")
    public String notes;
    @Enumerated(EnumType.STRING)
    @Schema(example = "active")
    public DeviceStatus status;

    @Column(name = "first_seen")
    @Schema(example = "2026-11-28T10:00:04Z")
    public Instant firstSeen;
    @Column(name = "last_seen")
    @Schema(example = "2026-11-28T10:00:04Z")
    public Instant lastSeen;
    @Column(name = "last_scan_id")
    @Schema(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23")
    public String lastScanId;

    @Version
    @JsonIgnore
    public long version;

    /** The observation field {@code observedAt} of the latest observation: the same instant as {@link #lastSeen}. */
    @JsonProperty("observedAt")
    @Schema(example = "2026-11-28T10:00:04Z", readOnly = true)
    public Instant observedAt() {
        return lastSeen;
    }
}
