package org.camaudit.scanner.output;

import java.util.List;

import org.camaudit.scanner.identify.Evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One identified device, in the inventory's observation format (DESIGN.md). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "ip", "mac", "manufacturer", "reportedManufacturer", "model", "firmwareVersion", "serialNumber",
        "hardwareId", "discoveredBy", "onvif", "httpPorts", "evidence", "identification", "observedAt" })
public record Observation(String ip, String mac, String manufacturer, String reportedManufacturer, String model,
        String firmwareVersion, String serialNumber, String hardwareId, List<String> discoveredBy, Onvif onvif,
        List<Integer> httpPorts, List<Evidence> evidence, Identification identification, String observedAt) {

    /** What ONVIF discovery and the device service said about addressing and access. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "xaddrs", "scopes", "authRequired" })
    public record Onvif(List<String> xaddrs, List<String> scopes, Boolean authRequired) {
    }

    /**
     * How far the device was identified.
     *
     * @param status  {@code complete}, {@code partial} or {@code unidentified}
     * @param reasons why it is not complete, in words a person can act on; empty when complete
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "status", "reasons" })
    public record Identification(String status, List<String> reasons) {
    }
}
