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
import org.camaudit.common.csv.ContentNegotiation;
import org.camaudit.common.csv.CsvColumn;
import org.camaudit.common.csv.CsvTable;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.security.Roles;

@Path("/api/v1/replacement-plan")
@Tag(name = "Replacement plan", description = "What replacing the flagged equipment costs, per site and in total")
public class ReplacementPlanResource {

    /** One line of the plan's CSV: an item with its site and the plan's currency. */
    private record Row(String site, ReplacementPlan.Item item, String currency) {
    }

    private static final List<CsvColumn<Row>> CSV_COLUMNS = List.of(
            CsvColumn.of("site", Row::site), CsvColumn.of("priority", r -> r.item().priority()),
            CsvColumn.of("replaceBy", r -> r.item().replaceBy()),
            CsvColumn.of("findingId", r -> r.item().findingId()), CsvColumn.of("deviceId", r -> r.item().deviceId()),
            CsvColumn.of("ip", r -> r.item().ip()), CsvColumn.of("location", r -> r.item().location()),
            CsvColumn.of("vendor", r -> r.item().vendor()), CsvColumn.of("model", r -> r.item().model()),
            CsvColumn.of("category", r -> r.item().category().code()),
            CsvColumn.of("confidence", r -> r.item().confidence().code()),
            CsvColumn.of("estimatedCost", r -> r.item().estimatedCost()), CsvColumn.of("currency", Row::currency),
            CsvColumn.of("suggestedReplacement", r -> r.item().suggestedReplacement()),
            CsvColumn.of("basis", r -> FindingResource.basisText(r.item().basis())));

    private final ReplacementPlanService plans;

    ReplacementPlanResource(ReplacementPlanService plans) {
        this.plans = plans;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvTable.MEDIA_TYPE })
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The costed replacement plan", description = "Every open or replacement-planned finding, one item "
            + "per device, priced from the cost table (hardware for its category plus labour). Priority 1 is confirmed, "
            + "2 likely, 3 possible; within a priority, the earliest replaceBy (the first deadline among the item's bases) "
            + "comes first. Totals are the sums of the items. CSV with format=csv or Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The plan", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplacementPlan.class),
                    examples = @ExampleObject(name = "plan", value = Examples.PLAN)),
            @Content(mediaType = CsvTable.MEDIA_TYPE, examples = @ExampleObject(name = "csv", value = Examples.PLAN_CSV)) })
    @APIResponse(responseCode = "400", description = "Unknown confidence or format", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad filter", value = Examples.PROBLEM_BAD_FILTER)))
    public Response plan(@Parameter(description = "only this site") @QueryParam("site") String site,
            @Parameter(description = "only confirmed, likely or possible findings") @QueryParam("confidence") String confidence,
            @Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ContentNegotiation.wantsCsv(format, headers);
        ReplacementPlan plan = plans.plan(site == null || site.isBlank() ? null : site.trim(), Filters.confidence(confidence));
        if (!csv) {
            return Response.ok(plan, MediaType.APPLICATION_JSON).build();
        }
        List<Row> rows = plan.sites().stream()
                .flatMap(s -> s.items().stream().map(i -> new Row(s.site(), i, plan.currency())))
                .toList();
        return Response.ok(new CsvTable<>(CSV_COLUMNS, rows), CsvTable.MEDIA)
                .header("Content-Disposition", "attachment; filename=\"replacement-plan.csv\"")
                .build();
    }
}
