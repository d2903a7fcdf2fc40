package org.camaudit.common.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import org.camaudit.common.problem.Problem;

/**
 * Answers a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before its body is read. Bodies without a length are still capped by Vert.x itself.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Runs before the body handler and authentication, so nothing of an oversized body is buffered. */
    static final int ORDER = -1_000;

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        String body = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than the limit of " + max + " bytes\"}";
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length, max)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
