package org.camaudit.audit.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Content negotiation between JSON and CSV. */
final class MediaTypes {

    private MediaTypes() {
    }

    /** CSV when {@code format=csv}, or when the client prefers {@code text/csv} to JSON; JSON otherwise. */
    static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null) {
            return "csv".equalsIgnoreCase(format.trim());
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
