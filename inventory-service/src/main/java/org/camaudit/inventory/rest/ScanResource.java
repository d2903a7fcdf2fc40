package org.camaudit.inventory.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.common.paging.Paging;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.inventory.Scan;
import org.camaudit.inventory.mapping.PageResult;
import org.camaudit.inventory.service.ScanService;

@Path("/api/v1/scans")
@Tag(name = "Scans", description = "Scanner runs and what each one recorded")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    private final ScanService scans;
    private final Paging paging;

    ScanResource(ScanService scans, Paging paging) {
        this.scans = scans;
        this.paging = paging;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List scans, newest first")
    @APIResponse(responseCode = "200", description = "One page of scans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScanPage.class),
                    examples = @ExampleObject(name = "one scan", value = Examples.SCAN_PAGE)))
    @APIResponse(responseCode = "400", description = "page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResult<Scan> list(
            @Parameter(description = "Only this site's scans", example = "HQ") @QueryParam("site") String site,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") @QueryParam("size") Integer size) {
        return scans.list(site, paging.of(page, size));
    }

    @GET
    @Path("/{scanId}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One scan and its counts")
    @APIResponse(responseCode = "200", description = "The scan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scan.class),
                    examples = @ExampleObject(name = "scan", value = Examples.SCAN)))
    @APIResponse(responseCode = "404", description = "No scan has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Scan get(@Parameter(example = "6f1c2a9e-3b7d-4c1e-9a52-0d8f4e7b1c23") @PathParam("scanId") String scanId) {
        return scans.find(scanId).orElseThrow(() -> ProblemException.notFound("Scan " + scanId));
    }

    @Schema(name = "ScanPage")
    static final class ScanPage {
        public List<Scan> items;
        @Schema(example = "0")
        public int page;
        @Schema(example = "50")
        public int size;
        @Schema(example = "1")
        public long total;
    }
}
