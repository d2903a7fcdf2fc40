package org.camaudit.common.ui;

import java.net.URI;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a console form posted from another site, before anything reads it: a POST under {@code /ui/} whose
 * {@code Origin} header names another host than the request's. This covers the sign-in form too, which the
 * CSRF token cannot (there is no account yet to bind a token to). Browsers send {@code Origin} on every POST;
 * a request without one (curl, tests) is left to the CSRF token.
 */
@Singleton
public class SameOriginForms {

    /** Before the authentication handlers, so a cross-site sign-in is never tried. */
    static final int PRIORITY = 2000;

    void register(@Observes Filters filters) {
        filters.register(SameOriginForms::check, PRIORITY);
    }

    static void check(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && context.normalizedPath().startsWith("/ui/")
                && !sameOrigin(context.request().getHeader("Origin"), context.request().getHeader("Host"))) {
            context.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end("This form was sent from another site; open the page here and submit it again.");
            return;
        }
        context.next();
    }

    static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
