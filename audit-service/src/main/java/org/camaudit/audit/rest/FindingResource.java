package org.camaudit.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.mapping.FindingEventView;
import org.camaudit.audit.mapping.FindingPatch;
import org.camaudit.audit.mapping.FindingView;
import org.camaudit.audit.service.FindingService;
import io.quarkus.panache.common.Page;

import org.camaudit.common.csv.ContentNegotiation;
import org.camaudit.common.csv.CsvColumn;
import org.camaudit.common.csv.CsvTable;
import org.camaudit.common.paging.Paging;
import org.camaudit.common.problem.Problem;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;

@Path("/api/v1/findings")
@Tag(name = "Findings", description = "Devices attributed to a restricted vendor, with the evidence, the legal basis and the decision")
public class FindingResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final List<CsvColumn<FindingView>> CSV_COLUMNS = List.of(
            CsvColumn.of("id", FindingView::id), CsvColumn.of("deviceId", FindingView::deviceId),
            CsvColumn.of("site", FindingView::site), CsvColumn.of("ip", FindingView::ip),
            CsvColumn.of("location", FindingView::location), CsvColumn.of("model", FindingView::model),
            CsvColumn.of("reportedManufacturer", FindingView::reportedManufacturer), CsvColumn.of("vendor", FindingView::vendor),
            CsvColumn.of("category", f -> f.category().code()), CsvColumn.of("confidence", f -> f.confidence().code()),
            CsvColumn.of("status", f -> f.status().code()), CsvColumn.of("note", FindingView::note),
            CsvColumn.of("decidedBy", FindingView::decidedBy), CsvColumn.of("decidedAt", FindingView::decidedAt),
            CsvColumn.of("matchedBy", f -> f.matchedBy().stream().map(m -> m.rule() + ": " + m.evidence()).toList()),
            CsvColumn.of("basis", f -> basisText(f.basis())));

    private final FindingService findings;
    private final Paging paging;

    FindingResource(FindingService findings, Paging paging) {
        this.findings = findings;
        this.paging = paging;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvTable.MEDIA_TYPE })
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Findings, filtered and paged", description = "JSON by default; the same rows as CSV with "
            + "Accept: text/csv. Each finding lists every rule that fired with the evidence value it fired on.")
    @APIResponse(responseCode = "200", description = "One page of findings", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "findings", value = Examples.FINDINGS)),
            @Content(mediaType = CsvTable.MEDIA_TYPE, examples = @ExampleObject(name = "csv", value = Examples.FINDINGS_CSV)) })
    @APIResponse(responseCode = "400", description = "Unknown filter value or bad paging", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad filter", value = Examples.PROBLEM_BAD_FILTER)))
    public Response list(@Parameter(description = "site name, exact") @QueryParam("site") String site,
            @Parameter(description = "restricted vendor, e.g. Hikvision") @QueryParam("vendor") String vendor,
            @Parameter(description = "confirmed, likely or possible") @QueryParam("confidence") String confidence,
            @Parameter(description = "open, replacement-planned, replaced, risk-accepted, false-positive or closed")
            @QueryParam("status") String status,
            @Parameter(description = "0-based page") @QueryParam("page") Integer page,
            @Parameter(description = "page size, 1 to 1000 (default 50)") @QueryParam("size") Integer size,
            @Parameter(description = "one of " + FindingSort.FIELDS_TEXT + "; `-field` or `field,desc` for descending "
                    + "(default id)", example = "-confidence") @QueryParam("sort") String sort,
            @Context HttpHeaders headers) {
        FindingService.Filter filter = new FindingService.Filter(blankToNull(site), blankToNull(vendor),
                Filters.confidence(confidence),
                status == null || status.isBlank() ? null : FindingStatus.parse(status).orElseThrow(
                        () -> ProblemException.badRequest("status", "must be open, replacement-planned, replaced, "
                                + "risk-accepted, false-positive or closed")));
        Page window = paging.of(page, size);
        int p = window.index;
        int s = window.size;
        FindingService.Listing listing = findings.list(filter, FindingSort.parse(sort), p, s);
        List<FindingView> items = listing.items().stream().map(FindingView::of).toList();
        if (ContentNegotiation.wantsCsv(null, headers)) {
            return Response.ok(new CsvTable<>(CSV_COLUMNS, items), CsvTable.MEDIA)
                    .header("X-Total-Count", listing.total()).build();
        }
        return Response.ok(new Paged<>(items, p, s, listing.total()), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One finding")
    @APIResponse(responseCode = "200", description = "The finding", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FindingView.class), examples = @ExampleObject(name = "finding", value = Examples.FINDING)))
    @APIResponse(responseCode = "404", description = "No such finding", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public FindingView get(@PathParam("id") long id) {
        return findings.find(id).map(FindingView::of).orElseThrow(() -> ProblemException.notFound("Finding " + id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Decide a finding", description = "Sets status and/or note; decidedBy and decidedAt are set from "
            + "the account and the clock, and the change is added to the finding's history. Later audits keep the decision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FindingPatch.class), examples = @ExampleObject(name = "plan it", value = Examples.FINDING_PATCH)))
    @APIResponse(responseCode = "200", description = "The finding as decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FindingView.class), examples = @ExampleObject(name = "finding", value = Examples.FINDING)))
    @APIResponse(responseCode = "400", description = "Unknown status or field, or nothing to change", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad status", value = Examples.PROBLEM_BAD_STATUS)))
    @APIResponse(responseCode = "404", description = "No such finding", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public FindingView decide(@PathParam("id") long id, @Valid @NotNull FindingPatch patch, @Context SecurityContext security) {
        if (patch.status() == null && patch.note() == null) {
            throw ProblemException.badRequest("body", "must set status, note or both");
        }
        return FindingView.of(findings.decide(id, patch.status(), patch.note(), security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The decision trail of a finding", description = "Every status or note change, oldest first, with "
            + "who (an account, or 'audit' for changes an audit made) and when.")
    @APIResponse(responseCode = "200", description = "The trail", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "history", value = Examples.HISTORY)))
    @APIResponse(responseCode = "404", description = "No such finding", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public List<FindingEventView> history(@PathParam("id") long id) {
        return findings.history(id).stream().map(FindingEventView::of).toList();
    }

    /** Each legal basis as {@code law (effective)}, the law up to its colon, for CSV cells. */
    static List<String> basisText(List<LegalBasis> basis) {
        return basis.stream().map(b -> {
            int colon = b.law().indexOf(':');
            return (colon > 0 ? b.law().substring(0, colon) : b.law()) + " (" + b.effective() + ")";
        }).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
