package org.camaudit.common.http;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses malformed or oversized requests with a problem+json body before authentication, body reading or
 * JAX-RS:
 * <ul>
 * <li>a {@code Transfer-Encoding} other than {@code chunked} is a 400 and ends the connection: the server cannot
 * know where such a body ends, so whatever follows on the connection is never run as a request (RFC 9112 §6.1);
 * <li>a request target longer than {@link HttpLimitsConfig#maxUriLength()} is a 414;
 * <li>headers larger than {@link HttpLimitsConfig#maxHeaderSize()} are a 431;
 * <li>a declared {@code Content-Length} above {@code quarkus.http.limits.max-body-size} is a 413 before the body
 * is read; a chunked body (no declared length) is read here up to that limit, and one that grows past it gets
 * the same 413.
 * </ul>
 */
@ApplicationScoped
public class RequestGuard {

    /** Runs before the body handler and authentication, so nothing of a refused request is buffered. */
    static final int ORDER = -1_000;

    /** Connections whose framing can no longer be trusted; anything more they carry is dropped. */
    private final Set<HttpConnection> poisoned = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    void install(@Observes Router router, HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> bodyLimit) {
        long maxBody = bodyLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        long maxHeaders = limits.maxHeaderSize().asLongValue();
        router.route().order(ORDER).handler(ctx -> check(ctx, limits.maxUriLength(), maxHeaders, maxBody));
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBody);
        router.route().order(ORDER + 1).handler(ctx -> {
            if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                    && ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                chunkedBodies.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(ORDER).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                bodyTooLarge(ctx, maxBody);
            } else {
                ctx.next();
            }
        });
    }

    private void check(RoutingContext ctx, int maxUri, long maxHeaders, long maxBody) {
        HttpServerRequest request = ctx.request();
        if (request.connection() != null && poisoned.contains(request.connection())) {
            request.connection().close();
            return;
        }
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("chunked")) {
            if (request.connection() != null) {
                poisoned.add(request.connection());
            }
            RawProblem.send(ctx.response(), 400, "Bad Request",
                    "Transfer-Encoding must be chunked or absent; this connection is closed", true);
            return;
        }
        if (request.uri().length() > maxUri) {
            RawProblem.send(ctx.response(), 414, "URI Too Long",
                    "The request target is longer than " + maxUri + " characters", false);
            return;
        }
        if (headerBytes(request) > maxHeaders) {
            RawProblem.send(ctx.response(), 431, "Request Header Fields Too Large",
                    "The request headers are larger than " + maxHeaders + " bytes", true);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, maxBody)) {
            bodyTooLarge(ctx, maxBody);
            return;
        }
        ctx.next();
    }

    private static void bodyTooLarge(RoutingContext ctx, long max) {
        RawProblem.send(ctx.response(), 413, "Content Too Large",
                "The request body is larger than the limit of " + max + " bytes", true);
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static boolean exceeds(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
