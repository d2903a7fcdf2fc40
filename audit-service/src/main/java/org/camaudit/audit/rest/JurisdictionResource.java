package org.camaudit.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import org.camaudit.audit.service.JurisdictionService;
import org.camaudit.audit.service.JurisdictionService.JurisdictionView;
import org.camaudit.audit.service.JurisdictionService.SiteJurisdictions;
import org.camaudit.audit.service.JurisdictionService.SiteJurisdictionsBody;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jurisdictions", description = "Where the policy's legal bases bind, and which of them each site is audited under")
public class JurisdictionResource {

    private final JurisdictionService jurisdictions;

    JurisdictionResource(JurisdictionService jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GET
    @Path("/jurisdictions")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The jurisdictions of the current policy", description = "Each jurisdiction with the legal bases "
            + "that bind in it: the law, effective date, deadline, scope, source, the date it was last verified, and the "
            + "vendors it restricts.")
    @APIResponse(responseCode = "200", description = "The jurisdictions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "jurisdictions", value = Examples.JURISDICTIONS)))
    public List<JurisdictionView> list() {
        return jurisdictions.list();
    }

    @GET
    @Path("/sites/{site}/jurisdictions")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The jurisdictions a site is audited under", description = "What an auditor set, or the default "
            + "(CAMAUDIT_DEFAULT_JURISDICTIONS, us-federal unless configured) with configured=false.")
    @APIResponse(responseCode = "200", description = "The site's jurisdictions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "site", value = Examples.SITE_JURISDICTIONS)))
    public SiteJurisdictions get(@PathParam("site") @Size(max = 200) String site) {
        return jurisdictions.get(site);
    }

    @PUT
    @Path("/sites/{site}/jurisdictions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Set the jurisdictions a site is audited under", description = "Every id must be a jurisdiction "
            + "of the current policy. The next audit flags a device of this site only for a vendor restricted by a basis "
            + "of one of these jurisdictions in force on the audit date.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SiteJurisdictionsBody.class),
            examples = @ExampleObject(name = "Texas site", value = Examples.SITE_JURISDICTIONS_PUT)))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "site", value = Examples.SITE_JURISDICTIONS)))
    @APIResponse(responseCode = "400", description = "Unknown jurisdiction or malformed body; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown jurisdiction",
                    value = Examples.PROBLEM_INVALID_JURISDICTIONS)))
    public SiteJurisdictions put(@PathParam("site") @Size(max = 200) String site, String body,
            @Context SecurityContext security) {
        return jurisdictions.put(site, body == null ? "" : body, security.getUserPrincipal().getName());
    }
}
