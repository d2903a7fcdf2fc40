package org.camaudit.inventory;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.inventory.mapping.Observation;

/**
 * One physical camera (or recorder): the latest observed facts, plus what people record about it.
 * Rows are written by the set-based ingest in {@code IngestService}; this mapping serves reads and edits,
 * and an edit writes only the columns it changed.
 */
@RegisterForReflection
@Entity
@DynamicUpdate
@Table(name = "device")
@Schema(name = "Device")
@JsonPropertyOrder({"id", "site", "ip", "mac", "manufacturer", "reportedManufacturer", "model", "firmwareVersion",
        "serialNumber", "hardwareId", "discoveredBy", "onvif", "httpPorts", "evidence", "identification", "observedAt", "location", "owner",
        "notes", "status", "firstSeen", "lastSeen", "lastScanId"})
public class Device extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Schema(example = "42")
    public Long id;

    @Schema(example = "HQ")
    public String site;
    @Schema(example = "10.1.0.23")
    public String ip;
    @Schema(example = "44:19:b6:12:34:56")
    public String mac;
    @Schema(example = "Hikvision")
    public String manufacturer;
    @Column(name = "reported_manufacturer")
    @Schema(example = "HIKVISION")
    public String reportedManufacturer;
    @Schema(example = "DS-2CD2142FWD-I")
    public String model;
    @Column(name = "firmware_version")
    @Schema(example = "V5.5.0 build 170725")
    public String firmwareVersion;
    @Column(name = "serial_number")
    @Schema(example = "DS-2CD2142FWD-I20170101AAWR123456789")
    public String serialNumber;
    @Column(name = "hardware_id")
    @Schema(example = "88")
    public String hardwareId;

    @Column(name = "discovered_by")
    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(example = "[\"ws-discovery\",\"onvif\",\"sadp\",\"oui\"]")
    public List<String> discoveredBy;
    @JdbcTypeCode(SqlTypes.JSON)
    public Observation.Onvif onvif;
    @Column(name = "http_ports")
    @JdbcTypeCode(SqlTypes.JSON)
    @Schema(example = "[80]")
    public List<Integer> httpPorts;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Observation.Evidence> evidence;

    @Column(name = "identification_status")
    @JsonIgnore
    public String identificationStatus;
    @Column(name = "identification_reasons")
    @JdbcTypeCode(SqlTypes.JSON)
    @JsonIgnore
    public List<String> identificationReasons;

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

    /** How far the latest observation identified the device, and why; null when the scanner did not say. */
    @JsonProperty("identification")
    @Schema(readOnly = true)
    public Observation.Identification identification() {
        return identificationStatus == null ? null
                : new Observation.Identification(identificationStatus, identificationReasons);
    }
}
