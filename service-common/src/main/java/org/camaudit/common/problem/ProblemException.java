package org.camaudit.common.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Thrown by services to answer with a specific problem; rendered by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Response.Status status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(Response.Status status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.problem = Problem.of(status, title, detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Response.Status.NOT_FOUND, "Not Found", what + " does not exist");
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Response.Status.BAD_REQUEST, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Problem problem() {
        return problem;
    }
}
