package org.camaudit.common.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.common.security.Roles;

/** A console page and a form used only by the tests of the shared console pieces. */
@Path("/ui/probe")
public class ConsoleProbeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String message);
    }

    private final Console console;

    ConsoleProbeResource(Console console) {
        this.console = console;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page() {
        return Templates.page("");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance submit(@RestForm(CsrfTokens.FIELD) String csrf, @RestForm String note) {
        console.checkForm(csrf);
        return Templates.page("saved " + note);
    }
}
