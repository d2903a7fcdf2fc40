package org.camaudit.inventory.mapping;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One scan's results, as a scanner posts them to {@code POST /api/v1/observations}. */
@Schema(name = "ObservationBatch", description = "One scan's results; only scanId, site and each observation's ip are required")
public record ObservationBatch(
        @Schema(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23", required = true)
        @NotBlank @Size(max = Limits.SCAN_ID) @Pattern(regexp = Limits.SCAN_ID_PATTERN) String scanId,
        @Schema(example = "HQ", required = true)
        @NotBlank @Size(max = Limits.SITE) @Pattern(regexp = Limits.SITE_PATTERN) String site,
        @Valid ScannerInfo scanner,
        @Schema(example = "2026-11-28T10:00:00Z") OffsetDateTime startedAt,
        @Schema(example = "2026-11-28T10:00:09Z") OffsetDateTime finishedAt,
        @Schema(example = "[\"10.1.0.0/24\"]")
        @Size(max = Limits.TARGETS) List<@NotNull @Size(max = Limits.TARGET) String> targets,
        @NotNull List<@NotNull @Valid Observation> observations) {

    /** The scanner that produced the batch. */
    @Schema(name = "ScannerInfo")
    public record ScannerInfo(
            @Schema(example = "jump-1") @Size(max = Limits.TEXT) String host,
            @Schema(example = "0.1.0") @Size(max = Limits.VERSION) String version) {
    }
}
