package org.camaudit.inventory.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to {@code POST /api/v1/observations}, stored with the scan so a repeated post of the same
 * {@code scanId} gets the same answer. Counts are per observation and add up to {@code received}.
 */
@RegisterForReflection
@Schema(name = "IngestResult")
public record IngestResult(
        @Schema(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23") String scanId,
        @Schema(example = "3") int received,
        @Schema(example = "1") int created,
        @Schema(example = "1") int updated,
        @Schema(example = "1") int unchanged,
        List<DeviceResult> devices) {

    /** What happened to the device of one observation, in the order of the request. */
    @Schema(name = "DeviceResult")
    public record DeviceResult(
            @Schema(example = "42") long deviceId,
            @Schema(example = "10.1.0.23") String ip,
            @Schema(example = "created", enumeration = {"created", "updated", "unchanged"}) String result) {
    }
}
