package org.camaudit.common;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.PermitAll;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;

/** A resource used only by the tests of the shared behaviour. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Item(@NotBlank String ip) {
    }

    public record Batch(@NotBlank String scanId, @Valid List<Item> items, Instant observedAt, List<Integer> ports) {
    }

    /** Requests that reached this resource through {@code /probe/smuggled}. */
    public static final AtomicInteger SMUGGLED = new AtomicInteger();

    @GET
    @RolesAllowed(Roles.VIEWER)
    public String read(@QueryParam("size") @Max(1000) Integer size) {
        return "{\"ok\":true}";
    }

    @POST
    @RolesAllowed(Roles.SCANNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Batch post(@Valid @NotNull Batch body) {
        return body;
    }

    @PATCH
    @Path("/tree")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonNode tree(JsonNode body) {
        return body;
    }

    @GET
    @Path("/smuggled")
    @PermitAll
    public String smuggled() {
        SMUGGLED.incrementAndGet();
        return "{}";
    }

    @GET
    @Path("/text")
    @PermitAll
    public String text(@QueryParam("q") String q) {
        return "{}";
    }

    @GET
    @Path("/missing")
    @RolesAllowed(Roles.VIEWER)
    public Response missing() {
        throw ProblemException.notFound("Device 42");
    }
}
