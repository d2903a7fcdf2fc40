package org.camaudit.common.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.camaudit.common.security.Roles;

/** An API path used only by the tests: the console's session must not open it. */
@Path("/api/v1/probe")
public class ApiProbeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    public String read() {
        return "{\"ok\":true}";
    }
}
