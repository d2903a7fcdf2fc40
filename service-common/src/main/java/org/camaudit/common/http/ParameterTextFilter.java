package org.camaudit.common.http;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.camaudit.common.problem.Problem;
import org.camaudit.text.SafeText;

/** Applies {@link SafeText} to the decoded path and every query parameter, before anything else reads them. */
public class ParameterTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Response check(UriInfo uri) {
        String problem;
        try {
            problem = SafeText.problem(uri.getPath());
            if (problem != null) {
                return reject("path", problem);
            }
            for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
                problem = SafeText.problem(parameter.getKey());
                for (int i = 0; problem == null && i < parameter.getValue().size(); i++) {
                    problem = SafeText.problem(parameter.getValue().get(i));
                }
                if (problem != null) {
                    return reject(parameter.getKey(), problem);
                }
            }
        } catch (IllegalArgumentException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "Bad parameter", "The request target is not validly percent-encoded",
                    List.of()).toResponse();
        }
        return null;
    }

    private static Response reject(String field, String problem) {
        return Problem.of(Response.Status.BAD_REQUEST, "Bad parameter", field + " " + problem,
                List.of(new Problem.FieldError(field, problem))).toResponse();
    }
}
