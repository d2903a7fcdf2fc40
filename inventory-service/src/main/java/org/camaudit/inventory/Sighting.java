package org.camaudit.inventory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One observation of a device: where and when a scan saw it, and what it looked like then. */
@RegisterForReflection
@Entity
@Table(name = "sighting")
@Schema(name = "Sighting")
@JsonPropertyOrder({"id", "deviceId", "scanId", "facts", "observedAt"})
public class Sighting extends PanacheEntityBase {

    @Id
    @Schema(example = "1017")
    public Long id;
    @Column(name = "device_id")
    @Schema(example = "42")
    public Long deviceId;
    @Column(name = "scan_id")
    @Schema(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23")
    public String scanId;
    @Embedded
    @JsonUnwrapped
    public ObservedFacts facts;

    @Column(name = "observed_at")
    @Schema(example = "2026-11-28T10:00:04Z")
    public Instant observedAt;
}
