package org.camaudit.audit.ui;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.camaudit.audit.plan.CostTable;
import org.camaudit.audit.policy.Category;
import org.camaudit.audit.service.CostTableService;
import org.camaudit.common.problem.ProblemException;
import org.camaudit.common.security.Roles;
import org.camaudit.common.ui.Console;
import org.camaudit.common.ui.CsrfTokens;

/** The cost table, and its edit form for auditors: every save stores a new version, as the API's PUT does. */
@Path("/ui/costs")
public class CostPages {

    /** The categories of the cost table in the order the page shows them. */
    static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::code).toList();

    /** The form's values by field path ({@code categories.dome.hardware}) and a message per refused field. */
    public record CostForm(Map<String, String> values, Map<String, String> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance costs(CostTable table, CostForm form, List<String> categories, boolean saved);
    }

    private final CostTableService costs;
    private final Console console;
    private final ObjectMapper json;

    CostPages(CostTableService costs, Console console, ObjectMapper json) {
        this.costs = costs;
        this.console = console;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.VIEWER)
    @Operation(hidden = true)
    public TemplateInstance costs(@QueryParam("saved") String saved) {
        CostTable table = costs.current();
        return Templates.costs(table, new CostForm(values(table), Map.of()), CATEGORIES, saved != null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    public Response save(MultivaluedMap<String, String> form) {
        console.checkForm(form.getFirst(CsrfTokens.FIELD));
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields()) {
            values.put(field, form.getFirst(field) == null ? "" : form.getFirst(field).strip());
        }
        try {
            costs.update(document(values), console.user());
            return Response.seeOther(URI.create("/ui/costs?saved=1")).build();
        } catch (ProblemException e) {
            if (e.problem().errors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.problem().errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "; " + b));
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.costs(costs.current(), new CostForm(values, errors), CATEGORIES, false))
                    .type(MediaType.TEXT_HTML_TYPE)
                    .build();
        }
    }

    private static List<String> fields() {
        List<String> fields = new java.util.ArrayList<>(List.of("currency", "labourPerDevice", "source"));
        for (String c : CATEGORIES) {
            fields.add("categories." + c + ".hardware");
            fields.add("categories." + c + ".replacement");
        }
        return fields;
    }

    private Map<String, String> values(CostTable table) {
        ObjectNode tree = json.valueToTree(table);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields()) {
            var node = tree.at("/" + field.replace('.', '/'));
            values.put(field, node.isMissingNode() || node.isNull() ? "" : node.asText());
        }
        return values;
    }

    /** The cost table document the form describes; a number field that is not a number stays text, and is refused by name. */
    private String document(Map<String, String> values) {
        ObjectNode root = json.createObjectNode();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String[] path = e.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < path.length - 1; i++) {
                node = node.has(path[i]) ? (ObjectNode) node.get(path[i]) : node.putObject(path[i]);
            }
            String name = path[path.length - 1];
            String value = e.getValue();
            boolean number = name.equals("hardware") || name.equals("labourPerDevice");
            if (value.isEmpty()) {
                node.putNull(name);
            } else if (number && value.matches("-?\\d+(\\.\\d+)?")) {
                node.put(name, new BigDecimal(value));
            } else {
                node.put(name, value);
            }
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
