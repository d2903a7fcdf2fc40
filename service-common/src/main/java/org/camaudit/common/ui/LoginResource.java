package org.camaudit.common.ui;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The console's sign-in page and sign-out. The form posts to {@code /ui/login}, where Quarkus' form
 * authentication checks the account like HTTP Basic does and sets the encrypted session cookie.
 */
@Path("/ui")
public class LoginResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final Console console;
    private final String cookieName;

    LoginResource(Console console, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.console = console;
        this.cookieName = cookieName;
    }

    @GET
    @Operation(hidden = true)
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Object login(@QueryParam("error") String error) {
        if (console.signedIn() && error == null) {
            return Response.seeOther(URI.create("/ui/")).build();
        }
        return Templates.login(error != null);
    }

    /**
     * The answer to a failed sign-in on the form (Quarkus answers a successful one itself): back to the form,
     * with the message; {@code null} for any other request, which gets the HTTP Basic challenge.
     */
    public static Response failedSignIn(String path, String method) {
        return "/ui/login".equals(path) && "POST".equals(method)
                ? Response.seeOther(URI.create("/ui/login?error=1")).build()
                : null;
    }

    @POST
    @Operation(hidden = true)
    @Path("/logout")
    public Response logout(@RestForm(CsrfTokens.FIELD) String csrf) {
        if (console.signedIn()) {
            console.checkForm(csrf);
        }
        NewCookie expired = new NewCookie.Builder(cookieName).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/ui/login")).cookie(expired).build();
    }
}
