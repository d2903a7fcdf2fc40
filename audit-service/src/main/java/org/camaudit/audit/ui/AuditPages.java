package org.camaudit.audit.ui;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.audit.plan.ReplacementPlan;
import org.camaudit.audit.policy.Policy;
import org.camaudit.audit.rest.ReplacementPlanResource;
import org.camaudit.audit.service.PolicyService;
import org.camaudit.audit.service.ReplacementPlanService;
import org.camaudit.common.security.Roles;

/** The audit's console pages that only read: the dashboard, the replacement plan (and its CSV) and the policy. */
@Path("/ui")
@RolesAllowed(Roles.VIEWER)
public class AuditPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard.Counts counts, List<BarChart> charts, ReplacementPlan plan,
                List<Dashboard.Deadline> timeline, BarChart timelineChart);

        static native TemplateInstance plan(ReplacementPlan plan, String site);

        static native TemplateInstance policy(Policy policy, List<PolicyService.VersionSummary> versions);
    }

    private final Dashboard dashboard;
    private final ReplacementPlanService plans;
    private final ReplacementPlanResource planApi;
    private final PolicyService policies;

    AuditPages(Dashboard dashboard, ReplacementPlanService plans, ReplacementPlanResource planApi, PolicyService policies) {
        this.dashboard = dashboard;
        this.plans = plans;
        this.planApi = planApi;
        this.policies = policies;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        return Response.seeOther(URI.create("/ui/dashboard")).build();
    }

    @GET
    @Path("/dashboard")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance dashboard() {
        Dashboard.Counts counts = dashboard.counts();
        List<BarChart> charts = List.of(
                BarChart.of("Flagged devices by vendor", counts.byVendor()),
                BarChart.of("Flagged devices by site", counts.bySite()),
                BarChart.of("Flagged devices by confidence", counts.byConfidence()),
                BarChart.of("Flagged devices by decision", counts.byStatus()));
        ReplacementPlan plan = plans.plan(null, null);
        List<Dashboard.Deadline> timeline = Dashboard.timeline(plan);
        Map<String, Long> byDeadline = new LinkedHashMap<>();
        timeline.forEach(d -> byDeadline.put(d.label(), d.devices()));
        return Templates.dashboard(counts, charts, plan, timeline,
                BarChart.of("Devices to replace by deadline (replaceBy)", byDeadline));
    }

    @GET
    @Path("/plan")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance plan(@QueryParam("site") String site) {
        String only = site == null || site.isBlank() ? null : site.strip();
        return Templates.plan(plans.plan(only, null), only);
    }

    /** The plan's CSV as the API writes it, for the signed-in person. */
    @GET
    @Path("/plan.csv")
    @Operation(hidden = true)
    public Response planCsv(@QueryParam("site") String site) {
        return planApi.plan(site, null, "csv", null);
    }

    @GET
    @Path("/policy")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance policy() {
        return Templates.policy(policies.current(), policies.versions());
    }
}
