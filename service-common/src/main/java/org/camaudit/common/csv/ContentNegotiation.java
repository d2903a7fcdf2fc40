package org.camaudit.common.csv;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.camaudit.common.problem.ProblemException;

/**
 * The one choice between JSON and CSV for the lists that offer both: {@code format=csv|json} when the endpoint takes
 * that parameter, else the {@code Accept} header, read in the client's order of preference: CSV when
 * {@code text/csv} comes before any JSON type (a wildcard counts as JSON). JSON otherwise.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {
    }

    /** Whether to answer in CSV; {@code format} may be null (the endpoint has no such parameter, or it was not sent). */
    public static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("format", "must be json or csv");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("text".equalsIgnoreCase(type.getType()) && "csv".equalsIgnoreCase(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
