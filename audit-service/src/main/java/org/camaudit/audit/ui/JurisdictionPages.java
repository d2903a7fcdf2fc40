package org.camaudit.audit.ui;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.SiteJurisdiction;
import org.camaudit.audit.service.JurisdictionService;
import org.camaudit.audit.service.JurisdictionService.JurisdictionView;
import org.camaudit.audit.service.JurisdictionService.SiteJurisdictions;
import org.camaudit.audit.service.JurisdictionService.SiteJurisdictionsBody;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.common.ui.Console;
import org.camaudit.common.ui.CsrfTokens;

/**
 * The jurisdictions each site is audited under, and for auditors a form per site: the same store and the same
 * checks as {@code PUT /api/v1/sites/{site}/jurisdictions}. Sites are those with findings or with jurisdictions of
 * their own; another site can be named in the last form.
 */
@Path("/ui/jurisdictions")
public class JurisdictionPages {

    /** A refused save: the site, what was chosen, and why. */
    public record Refusal(String site, List<String> chosen, String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jurisdictions(List<SiteJurisdictions> sites, List<JurisdictionView> available,
                Refusal refusal, String saved);
    }

    private final JurisdictionService jurisdictions;
    private final Console console;
    private final ObjectMapper json;

    JurisdictionPages(JurisdictionService jurisdictions, Console console, ObjectMapper json) {
        this.jurisdictions = jurisdictions;
        this.console = console;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("saved") String saved) {
        return Templates.jurisdictions(sites(), jurisdictions.list(), null, saved);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    public Response save(MultivaluedMap<String, String> form) {
        console.checkForm(form.getFirst(CsrfTokens.FIELD));
        String site = form.getFirst("site") == null ? "" : form.getFirst("site").strip();
        List<String> chosen = form.get("jurisdictions") == null ? List.of() : List.copyOf(form.get("jurisdictions"));
        if (site.isEmpty() || site.length() > 100) {
            return refused(new Refusal(site, chosen, "Name the site (1 to 100 characters)."));
        }
        if (chosen.isEmpty()) {
            return refused(new Refusal(site, chosen, "Choose at least one jurisdiction."));
        }
        try {
            jurisdictions.put(site, json.writeValueAsString(new SiteJurisdictionsBody(chosen)), console.user());
        } catch (ProblemException e) {
            String message = e.problem().errors().isEmpty() ? e.problem().detail()
                    : e.problem().errors().get(0).message();
            return refused(new Refusal(site, chosen, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Response.seeOther(UriBuilder.fromPath("/ui/jurisdictions").queryParam("saved", site).build()).build();
    }

    private Response refused(Refusal refusal) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Templates.jurisdictions(sites(), jurisdictions.list(), refusal, null))
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    @Transactional
    List<SiteJurisdictions> sites() {
        Set<String> names = new TreeSet<>(Finding.getEntityManager()
                .createQuery("select distinct f.site from Finding f where f.site is not null", String.class)
                .getResultList());
        SiteJurisdiction.<SiteJurisdiction>listAll().forEach(row -> names.add(row.site));
        return names.stream().map(jurisdictions::get).toList();
    }
}
