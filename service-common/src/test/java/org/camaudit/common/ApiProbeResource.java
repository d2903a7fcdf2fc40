package org.camaudit.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;

/** An {@code /api/} resource for the tests of the shared OpenAPI responses. */
@Path("/api/v1/openapi-probe")
@Produces(MediaType.APPLICATION_JSON)
public class ApiProbeResource {

    @GET
    @RolesAllowed(Roles.VIEWER)
    @APIResponse(responseCode = "200", description = "ok")
    @APIResponse(responseCode = "503", description = "the other service is unreachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public String read() {
        return "{}";
    }
}
