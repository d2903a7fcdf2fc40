package org.camaudit.common.ui;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** A person who opens the service's address lands on the console. */
@Path("/")
public class RootRedirect {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/ui/")).build();
    }
}
