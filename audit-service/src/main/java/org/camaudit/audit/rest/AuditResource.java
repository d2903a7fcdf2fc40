package org.camaudit.audit.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.audit.mapping.AuditView;
import org.camaudit.audit.service.AuditService;
import io.quarkus.panache.common.Page;

import org.camaudit.common.paging.Paging;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;

@Path("/api/v1/audits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audits", description = "Evaluate every device of the inventory against the current policy")
public class AuditResource {

    private final AuditService audits;
    private final Paging paging;

    AuditResource(AuditService audits, Paging paging) {
        this.audits = audits;
        this.paging = paging;
    }

    @POST
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Run an audit", description = "Reads every device from inventory-service (paged), evaluates each "
            + "against the current policy and stores the findings in one transaction. Earlier decisions are kept; findings "
            + "of devices that no longer match are closed with a reason; findings of retired devices become replaced.")
    @APIResponse(responseCode = "201", description = "Audit stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditService.Summary.class),
            examples = @ExampleObject(name = "audit", value = Examples.AUDIT_SUMMARY)))
    @APIResponse(responseCode = "503", description = "inventory-service unreachable or failing; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "inventory down",
                    value = Examples.PROBLEM_INVENTORY_DOWN)))
    public Response run(@Context SecurityContext security) {
        AuditService.Summary summary = audits.run(security.getUserPrincipal().getName());
        return Response.created(URI.create("/api/v1/audits/" + summary.auditId())).entity(summary).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Audits, newest first")
    @APIResponse(responseCode = "200", description = "One page of audits", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "audits", value = Examples.AUDITS)))
    @APIResponse(responseCode = "400", description = "Bad page or size", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Paged<AuditView> list(@Parameter(description = "0-based page") @QueryParam("page") Integer page,
            @Parameter(description = "page size, 1 to 1000 (default 50)") @QueryParam("size") Integer size) {
        Page window = paging.of(page, size);
        int p = window.index;
        int s = window.size;
        return new Paged<>(audits.list(p, s).stream().map(AuditView::of).toList(), p, s, audits.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One audit, with the time spent reading the inventory, evaluating and storing")
    @APIResponse(responseCode = "200", description = "The audit", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditView.class), examples = @ExampleObject(name = "audit", value = Examples.AUDIT)))
    @APIResponse(responseCode = "404", description = "No such audit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AuditView get(@PathParam("id") long id) {
        return audits.find(id).map(AuditView::of).orElseThrow(() -> ProblemException.notFound("Audit " + id));
    }
}
