package org.camaudit.inventory;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.camaudit.inventory.mapping.Observation;

/**
 * What one observation said about a device: where it was and what it reported. A {@link Device} holds its
 * latest facts, a {@link Sighting} the facts of one observation; both map them to the same columns.
 */
@RegisterForReflection
@Embeddable
@JsonPropertyOrder({"site", "ip", "mac", "manufacturer", "reportedManufacturer", "model", "firmwareVersion",
        "serialNumber", "hardwareId", "discoveredBy", "onvif", "httpPorts", "evidence", "identification"})
public class ObservedFacts {

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

    /** How far the observation identified the device, and why; null when the scanner did not say. */
    @JsonProperty("identification")
    @Schema(readOnly = true)
    public Observation.Identification identification() {
        return identificationStatus == null ? null
                : new Observation.Identification(identificationStatus, identificationReasons);
    }
}
