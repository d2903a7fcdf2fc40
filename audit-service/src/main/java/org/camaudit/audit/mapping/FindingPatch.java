package org.camaudit.audit.mapping;

import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An auditor's decision: a new status, a note, or both.
 *
 * @param status {@code open}, {@code replacement-planned}, {@code replaced}, {@code risk-accepted} or {@code false-positive}
 * @param note   why, for the record
 */
@RegisterForReflection
public record FindingPatch(@Size(max = 32) String status, @Size(max = 2000) String note) {
}
