package org.camaudit.audit.entity;

import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a finding stands. Auditors set the first five; {@code closed} is set by an audit when the device no longer
 * matches the policy (with a reason), and {@code replaced} also when inventory reports the device retired.
 */
public enum FindingStatus {
    OPEN("open"),
    REPLACEMENT_PLANNED("replacement-planned"),
    REPLACED("replaced"),
    RISK_ACCEPTED("risk-accepted"),
    FALSE_POSITIVE("false-positive"),
    CLOSED("closed");

    private final String code;

    FindingStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The status named {@code code}, if any. */
    public static Optional<FindingStatus> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }

    @JsonCreator
    static FindingStatus fromJson(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown status"));
    }

    /** Whether a person decided this status, so a new audit keeps it. */
    public boolean decided() {
        return this == REPLACEMENT_PLANNED || this == REPLACED || this == RISK_ACCEPTED || this == FALSE_POSITIVE;
    }

    /** Whether the device still needs replacing and so belongs in the replacement plan. */
    public boolean planned() {
        return this == OPEN || this == REPLACEMENT_PLANNED;
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<FindingStatus, String> {
        @Override
        public String convertToDatabaseColumn(FindingStatus status) {
            return status == null ? null : status.code;
        }

        @Override
        public FindingStatus convertToEntityAttribute(String code) {
            return code == null ? null : fromJson(code);
        }
    }
}
