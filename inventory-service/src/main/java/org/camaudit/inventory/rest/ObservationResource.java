package org.camaudit.inventory.rest;

import java.sql.SQLException;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;
import org.camaudit.inventory.mapping.BatchCheck;
import org.camaudit.inventory.mapping.IngestResult;
import org.camaudit.inventory.mapping.ObservationBatch;
import org.camaudit.inventory.service.ingest.IngestService;

@Path("/api/v1/observations")
@Tag(name = "Observations", description = "What scanners found")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObservationResource {

    private final IngestService ingest;
    private final Validator validator;

    ObservationResource(IngestService ingest, Validator validator) {
        this.ingest = ingest;
        this.validator = validator;
    }

    @POST
    @RolesAllowed(Roles.SCANNER)
    @Operation(summary = "Record one scan's observations",
            description = "Idempotent per scanId: posting a scanId again changes nothing and returns the first answer. "
                    + "A device is identified by manufacturer + serial number, else MAC, else site + ip; an observation "
                    + "that adds a serial or MAC to a device known by ip is merged into it. Every observation is kept "
                    + "as a sighting. At most 10,000 observations and 16 MiB per request.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ObservationBatch.class),
            examples = @ExampleObject(name = "three cameras", value = Examples.BATCH)))
    @APIResponse(responseCode = "200", description = "Recorded; counts per observation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class),
                    examples = @ExampleObject(name = "recorded", value = Examples.INGEST_RESULT)))
    @APIResponse(responseCode = "400", description = "Invalid body: every rejected field is listed; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "field too long", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The scanId is a known scan of another site; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "another site", value = Examples.OTHER_SITE)))
    @APIResponse(responseCode = "413", description = "More than 10,000 observations or 16 MiB; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = Examples.TOO_LARGE)))
    public IngestResult observe(@NotNull ObservationBatch batch) throws SQLException {
        validate(batch);
        return ingest.ingest(batch);
    }

    /**
     * The batch's declared constraints: checked directly when it is valid (the common case, and far cheaper
     * for 10,000 observations), by bean validation otherwise, which lists every rejected field.
     */
    private void validate(ObservationBatch batch) {
        if (BatchCheck.certainlyValid(batch)) {
            return;
        }
        Set<ConstraintViolation<ObservationBatch>> violations = validator.validate(batch);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
