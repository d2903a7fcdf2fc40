package org.camaudit.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import org.camaudit.common.problem.Problem;

/**
 * Declares, once for every operation under {@code /api/}, the responses every one of them can give whatever it does:
 * 401 (no or wrong credentials), 403 (the role does not allow it), 429 (too many failed logins) and 503 (the
 * database is unreachable), each an RFC 9457 problem. An operation that documents one of these itself (with a body)
 * keeps its own; the bare 401/403 that Quarkus adds to secured operations are replaced.
 */
public class StandardResponses implements OASFilter {

    static final String API_PREFIX = "/api/";

    private record Standard(int code, String description, String title, String detail, boolean retryAfter) {

        Map<String, Object> example() {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", code);
            problem.put("detail", detail);
            return problem;
        }
    }

    private static final List<Standard> STANDARD = List.of(
            new Standard(401, "No or wrong credentials (HTTP Basic)", "Unauthorized",
                    "Valid HTTP Basic credentials are required", false),
            new Standard(403, "The account's role does not allow this operation", "Forbidden",
                    "Your account's role does not allow this operation", false),
            new Standard(429, "Too many failed logins for this account from this address; retry after Retry-After seconds",
                    "Too Many Requests", "Too many failed logins for this account from this address; retry after 4 s", true),
            new Standard(503, "The database is unreachable; nothing was changed", "Service Unavailable",
                    "The database is unavailable; nothing was changed. Retry later.", true));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(API_PREFIX) || path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                add(operation.getResponses());
                used = true;
            }
        }
        if (used) {
            ensureProblemSchema(openAPI);
        }
    }

    private static void add(APIResponses responses) {
        for (Standard standard : STANDARD) {
            APIResponse declared = responses.getAPIResponse(String.valueOf(standard.code()));
            if (declared != null && declared.getContent() != null) {
                continue;
            }
            APIResponse response = OASFactory.createAPIResponse()
                    .description(standard.description())
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem"))
                            .addExample(String.valueOf(standard.code()), OASFactory.createExample().value(standard.example()))));
            if (standard.retryAfter()) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before trying again")
                        .style(Header.Style.SIMPLE)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
            responses.addAPIResponse(String.valueOf(standard.code()), response);
        }
    }

    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("RFC 9457 problem details")
                    .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                    .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }
}
