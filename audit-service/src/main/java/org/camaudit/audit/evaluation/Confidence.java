package org.camaudit.audit.evaluation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How sure a finding is. {@code confirmed}: the device names the vendor or one of its direct brands, or answers
 * the vendor's proprietary discovery protocol. {@code likely}: a model or firmware pattern, or two independent
 * indirect signals. {@code possible}: one indirect signal, such as an OUI.
 */
public enum Confidence {
    @JsonProperty("confirmed")
    CONFIRMED(1),
    @JsonProperty("likely")
    LIKELY(2),
    @JsonProperty("possible")
    POSSIBLE(3);

    private final int priority;

    Confidence(int priority) {
        this.priority = priority;
    }

    /** Replacement priority: 1 for confirmed, 2 likely, 3 possible. */
    public int priority() {
        return priority;
    }

    /** One level less sure; possible stays possible. */
    public Confidence lower() {
        return this == CONFIRMED ? LIKELY : POSSIBLE;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The confidence named {@code code} (case-insensitive); {@code IllegalArgumentException} for anything else. */
    public static Confidence of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
