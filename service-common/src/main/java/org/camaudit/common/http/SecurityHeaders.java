package org.camaudit.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Headers every response carries, whatever produced it:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} on all;
 * <li>{@code Cache-Control: no-store} unless the response set its own caching (data must not linger in caches
 * or browser history; static assets set theirs);
 * <li>on HTML pages, a {@code Content-Security-Policy} with {@code frame-ancestors 'none'} (and
 * {@code X-Frame-Options: DENY} for older browsers), so no other site can frame them.
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PAGE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    void install(@Observes Router router) {
        router.route().order(RequestGuard.ORDER - 1).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> apply(ctx.response().headers()));
            ctx.next();
        });
    }

    static void apply(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", PAGE_POLICY);
            }
            headers.set("X-Frame-Options", "DENY");
        }
    }
}
