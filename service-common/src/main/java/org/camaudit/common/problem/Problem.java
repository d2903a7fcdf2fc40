package org.camaudit.common.problem;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response of both services.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, for a person
 * @param errors for validation problems, one entry per rejected field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "about:blank") URI type,
        @Schema(example = "Bad Request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "The request body is invalid") String detail,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final URI BLANK = URI.create("about:blank");

    /** One rejected field of a request. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "observations[3].ip") String field,
            @Schema(example = "must not be blank") String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(BLANK, status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem of(Response.StatusType status, String title, String detail, List<FieldError> errors) {
        return new Problem(BLANK, title, status.getStatusCode(), detail, errors == null ? List.of() : List.copyOf(errors));
    }

    /** This problem as a response with the problem+json media type. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
