package org.camaudit.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;
import org.camaudit.inventory.mapping.SiteSummary;
import org.camaudit.inventory.service.ScanService;

@Path("/api/v1/sites")
@Tag(name = "Sites", description = "The places scanners cover")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final ScanService scans;

    SiteResource(ScanService scans) {
        this.scans = scans;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every site with its device count, missing devices and latest scan")
    @APIResponse(responseCode = "200", description = "The sites, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SiteSummary.class),
                    examples = @ExampleObject(name = "two sites", value = Examples.SITES)))
    public List<SiteSummary> list() {
        return scans.sites();
    }
}
