package org.camaudit.common.problem;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import org.camaudit.common.json.UnsafeTextException;
import org.camaudit.common.security.LoginThrottledException;
import org.camaudit.common.ui.LoginResource;

/**
 * Turns the exceptions the services mean to answer into {@code application/problem+json}. Details never
 * carry class names or stack traces: parse errors name the field and the position, database outages say
 * so and nothing more.
 */
public class ProblemMappers {

    /** Jackson's message for a key given twice ({@code STRICT_DUPLICATE_DETECTION}). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.*)'");

    static final String CHALLENGE = "Basic realm=\"camaudit\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, "Validation failed", detail, errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonMappingException mapping && (!mapping.getPath().isEmpty() || e instanceof UnsafeTextException)) {
            String field = mapping.getPath().isEmpty() ? "body" : jsonPath(mapping.getPath());
            String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                    : e instanceof UnsafeTextException unsafe ? unsafe.reason() : "has the wrong type or format";
            return Problem.of(Response.Status.BAD_REQUEST, "Malformed request body", field + " " + message + location,
                    List.of(new Problem.FieldError(field, message))).toResponse();
        }
        Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return Problem.of(Response.Status.BAD_REQUEST, "Malformed request body",
                    "The key '" + duplicate.group(1) + "' appears twice in one object" + location,
                    List.of(new Problem.FieldError(duplicate.group(1), "appears twice in one object"))).toResponse();
        }
        return Problem.of(Response.Status.BAD_REQUEST, "Malformed request body", "The body is not valid JSON" + location,
                List.of()).toResponse();
    }

    /** More specific than Quarkus's own mapper for this type, which answers in a shape of its own. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return unreadableJson(e);
    }

    /** More specific than Quarkus's own mapper for this type, which answers in a shape of its own. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        Response signIn = LoginResource.failedSignIn(request.path(), request.method().name());
        if (signIn != null) {
            return signIn;
        }
        if (e.getCause() instanceof LoginThrottledException throttled) {
            return throttled(throttled);
        }
        return challenge();
    }

    /** 429 with {@code Retry-After}: this account failed too often from this address. */
    static Response throttled(LoginThrottledException e) {
        return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                "Too many failed logins for this account from this address; retry after " + e.retryAfterSeconds()
                        + " s").toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your account's role does not allow this operation").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; the client sent a bad value
            return Problem.of(Response.Status.BAD_REQUEST, "Bad parameter",
                    "A path or query parameter has the wrong format (for example a word where a number belongs)",
                    List.of()).toResponse();
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here";
            default -> status.getReasonPhrase();
        };
        Response.ResponseBuilder builder = Response.fromResponse(Problem.of(status, detail).toResponse());
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e) {
        return databaseProblem(e);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e) {
        return databaseProblem(e);
    }

    /** 503 when the database cannot be reached (SQLState class 08, server shutdown 57P), else a plain 500. */
    static Response databaseProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                Log.warnf("database unavailable: %s", sql.getMessage());
                return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "The database is unavailable; nothing was changed. Retry later.").toResponse())
                        .header(HttpHeaders.RETRY_AFTER, "5").build();
            }
        }
        Log.error("database error", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The request failed; see the service log").toResponse();
    }

    static Response challenge() {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                "Valid HTTP Basic credentials are required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    /**
     * {@code observe.body.observations[3].ip} → {@code observations[3].ip}: the field as the client wrote it;
     * a query or path parameter is named by itself ({@code list.size} → {@code size}).
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        StringBuilder prefix = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER
                    && node.getKind() != ElementKind.CONSTRUCTOR && node.getKind() != ElementKind.CROSS_PARAMETER) {
                break;
            }
            prefix.append(node.getName()).append('.');
            parameter = node.getName();
        }
        String rest = path.length() <= prefix.length() ? ""
                : path.startsWith(prefix.toString()) ? path.substring(prefix.length()) : path;
        if (!rest.isEmpty()) {
            return rest;
        }
        return parameter == null || parameter.isEmpty() ? "body" : parameter;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
