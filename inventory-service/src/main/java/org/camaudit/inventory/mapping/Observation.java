package org.camaudit.inventory.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a scanner learnt about one address. Only {@code ip} is required. */
@Schema(name = "Observation")
public record Observation(
        @Schema(example = "10.1.0.23", required = true)
        @NotBlank @Size(max = Limits.IP) @Pattern(regexp = Limits.IP_PATTERN, message = "must be an IPv4 or IPv6 address") String ip,
        @Schema(example = "44:19:b6:12:34:56")
        @Pattern(regexp = Limits.MAC_PATTERN, message = "must be a MAC address like 44:19:b6:12:34:56") String mac,
        @Schema(example = "Hikvision") @Size(max = Limits.TEXT) String manufacturer,
        @Schema(example = "HIKVISION") @Size(max = Limits.TEXT) String reportedManufacturer,
        @Schema(example = "DS-2CD2142FWD-I") @Size(max = Limits.TEXT) String model,
        @Schema(example = "V5.5.0 build 170725") @Size(max = Limits.TEXT) String firmwareVersion,
        @Schema(example = "DS-2CD2142FWD-I20170101AAWR123456789") @Size(max = Limits.TEXT) String serialNumber,
        @Schema(example = "88") @Size(max = Limits.TEXT) String hardwareId,
        @Schema(example = "[\"ws-discovery\",\"onvif\",\"sadp\",\"oui\"]")
        @Size(max = Limits.LIST) List<@NotNull @Size(max = Limits.VERSION) String> discoveredBy,
        @Valid Onvif onvif,
        @Schema(example = "[80]")
        @Size(max = Limits.LIST) List<@NotNull @Min(1) @Max(65535) Integer> httpPorts,
        @Size(max = Limits.LIST) List<@NotNull @Valid Evidence> evidence,
        @Schema(example = "2026-11-28T10:00:04Z") @JsonDeserialize(using = ObservedAtDeserializer.class) OffsetDateTime observedAt,
        @Valid Identification identification) {

    /**
     * How far the scanner identified the device: {@code complete} (manufacturer, model, serial number and
     * firmware known), {@code partial} or {@code unidentified}, with the reasons a person can act on.
     */
    @Schema(name = "Identification")
    @RegisterForReflection
    public record Identification(
            @Schema(example = "partial", required = true, enumeration = {"complete", "partial", "unidentified"})
            @NotNull @Pattern(regexp = Limits.IDENTIFICATION_PATTERN,
                    message = "must be one of complete, partial, unidentified") String status,
            @Schema(example = "[\"login rejected\"]")
            @Size(max = Limits.REASONS) List<@NotBlank @Size(max = Limits.TEXT) String> reasons) {
    }

    /** What the device's ONVIF service said about itself. */
    @Schema(name = "Onvif")
    @RegisterForReflection
    public record Onvif(
            @Schema(example = "[\"http://10.1.0.23/onvif/device_service\"]")
            @Size(max = Limits.LIST) List<@NotNull @Size(max = Limits.URL) String> xaddrs,
            @Schema(example = "[\"onvif://www.onvif.org/name/HIKVISION\"]")
            @Size(max = Limits.LIST) List<@NotNull @Size(max = Limits.URL) String> scopes,
            @Schema(example = "true") Boolean authRequired) {
    }

    /** One fact and where it came from. */
    @Schema(name = "Evidence")
    @RegisterForReflection
    public record Evidence(
            @Schema(example = "onvif.GetDeviceInformation") @NotBlank @Size(max = Limits.TEXT) String source,
            @Schema(example = "Manufacturer") @Size(max = Limits.TEXT) String field,
            @Schema(example = "HIKVISION") @Size(max = Limits.EVIDENCE_VALUE) String value) {
    }
}
