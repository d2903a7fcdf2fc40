package org.camaudit.inventory.mapping;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A site: how many devices it has, how many of them are missing, and its latest scan. */
@RegisterForReflection
@Schema(name = "Site")
public record SiteSummary(
        @Schema(example = "HQ") String name,
        @Schema(example = "214") long devices,
        @Schema(example = "3") long missing,
        @Schema(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23") String lastScanId,
        @Schema(example = "2026-11-28T10:00:00Z") Instant lastScanAt) {
}
