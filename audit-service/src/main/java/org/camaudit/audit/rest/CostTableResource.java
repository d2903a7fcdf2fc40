package org.camaudit.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.audit.plan.CostTable;
import org.camaudit.audit.service.CostTableService;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;

@Path("/api/v1/cost-table")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cost table", description = "Prices the replacement plan: hardware per category, labour per device, currency")
public class CostTableResource {

    private final CostTableService costs;

    CostTableResource(CostTableService costs) {
        this.costs = costs;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The current cost table")
    @APIResponse(responseCode = "200", description = "The cost table", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CostTable.class), examples = @ExampleObject(name = "costs", value = Examples.COST_TABLE)))
    public CostTable get() {
        return costs.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Store new prices", description = "Every category (fixed, dome, ptz, nvr, intercom, thermal, "
            + "camera) needs a hardware price and a replacement description; labour is added per device. The plan uses "
            + "the newest version at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CostTable.class), examples = @ExampleObject(name = "costs", value = Examples.COST_TABLE)))
    @APIResponse(responseCode = "200", description = "Stored; the body carries the new version number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostTable.class),
                    examples = @ExampleObject(name = "costs", value = Examples.COST_TABLE)))
    @APIResponse(responseCode = "400", description = "Invalid cost table; every rejected field is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "negative price",
                    value = Examples.PROBLEM_INVALID_COST_TABLE)))
    public CostTable put(String body, @Context SecurityContext security) {
        return costs.update(body == null ? "" : body, security.getUserPrincipal().getName());
    }
}
