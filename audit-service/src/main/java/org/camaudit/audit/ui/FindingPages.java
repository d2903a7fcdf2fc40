package org.camaudit.audit.ui;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.mapping.FindingPatch;
import org.camaudit.audit.rest.FindingSort;
import org.camaudit.audit.service.FindingService;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.common.ui.Console;
import org.camaudit.common.ui.CsrfTokens;

/** The findings list, one finding with its evidence, legal bases and decision trail, and the auditors' decision form. */
@Path("/ui/findings")
public class FindingPages {

    static final int PAGE_SIZE = 50;

    /** The statuses an auditor may choose; {@code closed} is set only by audits. */
    static final List<String> DECISIONS = Arrays.stream(FindingStatus.values()).filter(s -> s != FindingStatus.CLOSED)
            .map(FindingStatus::code).toList();
    static final List<String> STATUSES = Arrays.stream(FindingStatus.values()).map(FindingStatus::code).toList();
    static final List<String> SORTS = List.of("id", "site", "vendor", "confidence", "status", "location", "-decidedAt");
    static final List<String> CONFIDENCES = Arrays.stream(Confidence.values()).map(Confidence::code).toList();

    /** The filters as the browser sent them. */
    public record Filters(String site, String vendor, String confidence, String status, String sort) {
    }

    /** The decision form's values and a message per refused field. */
    public record DecisionForm(String status, String note, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance findings(Filters filters, FindingService.Listing listing, int page, int pages,
                String error, List<String> statuses, List<String> confidences, List<String> sorts);

        static native TemplateInstance finding(Finding finding, List<FindingEvent> history, DecisionForm form,
                List<String> decisions, boolean saved);
    }

    private final FindingService findings;
    private final Console console;
    private final Validator validator;

    FindingPages(FindingService findings, Console console, Validator validator) {
        this.findings = findings;
        this.console = console;
        this.validator = validator;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("site") String site, @QueryParam("vendor") String vendor,
            @QueryParam("confidence") String confidence, @QueryParam("status") String status,
            @QueryParam("sort") String sort, @QueryParam("page") @DefaultValue("0") int page) {
        Filters filters = new Filters(blank(site), blank(vendor), blank(confidence), blank(status), blank(sort));
        int p = Math.max(page, 0);
        try {
            FindingService.Filter filter = new FindingService.Filter(filters.site(), filters.vendor(),
                    filters.confidence() == null ? null : Confidence.of(filters.confidence()),
                    filters.status() == null ? null : FindingStatus.parse(filters.status()).orElseThrow(
                            () -> ProblemException.badRequest("status", "is not a finding status")));
            FindingService.Listing listing = findings.list(filter, FindingSort.parse(filters.sort()), p, PAGE_SIZE);
            int pages = (int) Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            return Templates.findings(filters, listing, p, pages, null, STATUSES, CONFIDENCES, SORTS);
        } catch (ProblemException | IllegalArgumentException e) {
            String message = e instanceof ProblemException problem ? problem.problem().detail()
                    : "confidence must be confirmed, likely or possible";
            return Templates.findings(filters, new FindingService.Listing(List.of(), 0), 0, 1, message, STATUSES,
                    CONFIDENCES, SORTS);
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    @Operation(hidden = true)
    public TemplateInstance finding(@PathParam("id") long id, @QueryParam("saved") String saved) {
        Finding finding = findings.find(id).orElseThrow(() -> ProblemException.notFound("Finding " + id));
        return Templates.finding(finding, findings.history(id),
                new DecisionForm(finding.status.code(), finding.note, Map.of()), DECISIONS, saved != null);
    }

    @POST
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") long id, @RestForm(CsrfTokens.FIELD) String csrf, @RestForm String status,
            @RestForm String note) {
        console.checkForm(csrf);
        String text = note == null || note.isBlank() ? null : note.strip();
        Map<String, String> errors = validator.validate(new FindingPatch(status, text)).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), v -> v.getMessage(), (a, b) -> a));
        if (errors.isEmpty()) {
            try {
                findings.decide(id, status, text, console.user());
                return Response.seeOther(URI.create("/ui/findings/" + id + "?saved=1")).build();
            } catch (ProblemException e) {
                if (e.problem().errors().isEmpty()) {
                    throw e;
                }
                e.problem().errors().forEach(f -> errors.put(f.field(), f.message()));
            }
        }
        Finding finding = findings.find(id).orElseThrow(() -> ProblemException.notFound("Finding " + id));
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.finding(finding, findings.history(id), new DecisionForm(status, note, errors), DECISIONS,
                        false))
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
