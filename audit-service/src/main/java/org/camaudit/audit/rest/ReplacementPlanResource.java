package org.camaudit.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.audit.plan.ReplacementPlan;
import org.camaudit.audit.service.ReplacementPlanService;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;

@Path("/api/v1/replacement-plan")
@Tag(name = "Replacement plan", description = "What replacing the flagged equipment costs, per site and in total")
public class ReplacementPlanResource {

    private static final List<String> CSV_HEADER = List.of("site", "priority", "findingId", "deviceId", "ip", "location",
            "vendor", "model", "category", "confidence", "estimatedCost", "currency", "suggestedReplacement", "basis");

    private final ReplacementPlanService plans;

    ReplacementPlanResource(ReplacementPlanService plans) {
        this.plans = plans;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The costed replacement plan", description = "Every open or replacement-planned finding, one item "
            + "per device, priced from the cost table (hardware for its category plus labour). Priority 1 is confirmed, "
            + "2 likely, 3 possible. Totals are the sums of the items. CSV with format=csv or Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The plan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplacementPlan.class),
                    examples = @ExampleObject(name = "plan", value = Examples.PLAN)),
            @Content(mediaType = Csv.MEDIA_TYPE, examples = @ExampleObject(name = "csv", value = Examples.PLAN_CSV)) })
    @APIResponse(responseCode = "400", description = "Unknown confidence or format", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad filter", value = Examples.PROBLEM_BAD_FILTER)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "unauthorized", value = Examples.PROBLEM_UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The account may not read", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public Response plan(@Parameter(description = "only this site") @QueryParam("site") String site,
            @Parameter(description = "only confirmed, likely or possible findings") @QueryParam("confidence") String confidence,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        if (format != null && !format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("csv")) {
            throw ProblemException.badRequest("format", "must be json or csv");
        }
        ReplacementPlan plan = plans.plan(site == null || site.isBlank() ? null : site.trim(), Filters.confidence(confidence));
        if (!MediaTypes.wantsCsv(format, headers)) {
            return Response.ok(plan, MediaType.APPLICATION_JSON).build();
        }
        Csv csv = new Csv(CSV_HEADER);
        for (ReplacementPlan.Site s : plan.sites()) {
            for (ReplacementPlan.Item i : s.items()) {
                csv.row(s.site(), i.priority(), i.findingId(), i.deviceId(), i.ip(), i.location(), i.vendor(), i.model(),
                        i.category().code(), i.confidence().code(), i.estimatedCost().toPlainString(), plan.currency(),
                        i.suggestedReplacement(), FindingResource.basisText(i.basis()));
            }
        }
        return Response.ok(csv.toString(), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"replacement-plan.csv\"")
                .build();
    }
}
