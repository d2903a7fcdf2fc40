package org.camaudit.audit.policy;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of device a finding is, which decides its replacement and its cost. */
public enum Category {
    @JsonProperty("fixed")
    FIXED,
    @JsonProperty("dome")
    DOME,
    @JsonProperty("ptz")
    PTZ,
    @JsonProperty("nvr")
    NVR,
    @JsonProperty("intercom")
    INTERCOM,
    @JsonProperty("thermal")
    THERMAL,
    @JsonProperty("camera")
    CAMERA,
    /** Two-way radios and their base stations (Hytera). */
    @JsonProperty("radio")
    RADIO,
    /** Network gateways, routers and modems (Huawei, ZTE). */
    @JsonProperty("gateway")
    GATEWAY;

    /** The name used in JSON, CSV and the cost table. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code code} (case-insensitive); {@code IllegalArgumentException} for anything else. */
    public static Category of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
