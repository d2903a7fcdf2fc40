package org.camaudit.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import org.camaudit.common.problem.Problem;

/** A problem+json answer written straight to Vert.x, for the requests refused before JAX-RS sees them. */
final class RawProblem {

    private RawProblem() {
    }

    /** Ends {@code response} with a problem; {@code close} also ends the connection once it is written. */
    static void send(HttpServerResponse response, int status, String title, String detail, boolean close) {
        if (response.ended() || response.closed()) {
            return;
        }
        String body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).encode();
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
