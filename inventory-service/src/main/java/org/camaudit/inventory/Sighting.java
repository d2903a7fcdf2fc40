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
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.inventory.mapping.Observation;

/** One observation of a device: where and when a scan saw it, and what it looked like then. */
@RegisterForReflection
@Entity
@Table(name = "sighting")
@Schema(name = "Sighting")
@JsonPropertyOrder({"id", "deviceId", "scanId", "site", "ip", "mac", "manufacturer", "reportedManufacturer", "model",
        "firmwareVersion", "serialNumber", "hardwareId", "discoveredBy", "onvif", "httpPorts", "evidence", "identification", "observedAt"})
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
    @Schema(example = "[\"onvif\"]")
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

    @Column(name = "observed_at")
    @Schema(example = "2026-11-28T10:00:04Z")
    public Instant observedAt;

    /** How far this observation identified the device, and why; null when the scanner did not say. */
    @JsonProperty("identification")
    @Schema(readOnly = true)
    public Observation.Identification identification() {
        return identificationStatus == null ? null
                : new Observation.Identification(identificationStatus, identificationReasons);
    }
}
