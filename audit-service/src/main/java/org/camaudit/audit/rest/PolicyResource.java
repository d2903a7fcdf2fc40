package org.camaudit.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.audit.policy.Policy;
import org.camaudit.audit.service.PolicyService;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;

@Path("/api/v1/policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policy", description = "Which vendors are restricted, how their equipment is recognised, and the laws behind it")
public class PolicyResource {

    private final PolicyService policies;

    PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The current policy", description = "The newest version: vendors with aliases, brands, OUI blocks "
            + "(with the IEEE registry date), model and firmware patterns, protocol markers, and the legal basis with "
            + "effective dates and sources.")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Policy.class), examples = @ExampleObject(name = "policy", value = Examples.POLICY_EXCERPT)))
    public Policy get() {
        return policies.current();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a new policy version", description = "Validates the whole document: unknown fields, missing "
            + "values, invalid regular expressions and bad dates are rejected naming the field. The stored policy gets the "
            + "next version number; earlier versions stay readable and audits record the version they used.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Policy.class), examples = @ExampleObject(name = "policy", value = Examples.POLICY_EXCERPT)))
    @APIResponse(responseCode = "200", description = "Stored; the body carries the new version number",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Policy.class),
                    examples = @ExampleObject(name = "policy", value = Examples.POLICY_EXCERPT)))
    @APIResponse(responseCode = "400", description = "Invalid policy; every rejected field is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid pattern",
                    value = Examples.PROBLEM_INVALID_POLICY)))
    public Policy put(String body, @Context SecurityContext security) {
        return policies.update(body == null ? "" : body, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/versions")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every stored policy version, newest first")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "versions", value = Examples.POLICY_VERSIONS)))
    public List<PolicyService.VersionSummary> versions() {
        return policies.versions();
    }
}
