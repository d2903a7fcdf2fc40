package org.camaudit.scanner.inventory;

import java.util.List;

import org.camaudit.scanner.output.Observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code POST /api/v1/observations} (DESIGN.md, inventory-service). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "scanId", "site", "scanner", "startedAt", "finishedAt", "targets", "observations" })
public record ObservationBatch(String scanId, String site, ScannerInfo scanner, String startedAt, String finishedAt,
        List<String> targets, List<Observation> observations) {

    /** Which scanner sent it. */
    @RegisterForReflection
    public record ScannerInfo(String host, String version) {
    }

    /** The same batch header with other observations, for chunking. */
    public ObservationBatch with(List<Observation> chunk) {
        return new ObservationBatch(scanId, site, scanner, startedAt, finishedAt, targets, chunk);
    }
}
