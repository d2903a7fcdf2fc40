package org.camaudit.common.paging;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.quarkus.panache.common.Sort;

import org.camaudit.common.problem.ProblemException;

/**
 * The one parser of the {@code sort} query parameter of every list: a field name for ascending order,
 * {@code -field} or {@code field,desc} for descending ({@code field,asc} is ascending). Missing values sort last
 * either way, and every order ends on {@code id} so pages are stable. An unknown field or direction is a 400
 * listing the allowed ones.
 */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param sort   the parameter as sent (null or blank: by id)
     * @param fields the sortable API field names, each with the entity attribute it orders by
     */
    public static Sort parse(String sort, Map<String, String> fields) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("id");
        }
        String field = sort.strip();
        Sort.Direction direction = Sort.Direction.Ascending;
        if (field.startsWith("-")) {
            field = field.substring(1).strip();
            direction = Sort.Direction.Descending;
        } else if (field.contains(",")) {
            String[] parts = field.split(",", 2);
            field = parts[0].strip();
            direction = switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> Sort.Direction.Ascending;
                case "desc" -> Sort.Direction.Descending;
                default -> throw ProblemException.badRequest("sort", "the direction after the comma must be asc or desc");
            };
        }
        String attribute = fields.get(field);
        if (attribute == null) {
            throw ProblemException.badRequest("sort", "must be one of " + String.join(", ", new TreeSet<>(fields.keySet()))
                    + ", optionally as -field or field,desc");
        }
        Sort order = Sort.by(attribute, direction, Sort.NullPrecedence.NULLS_LAST);
        return attribute.equals("id") ? order : order.and("id");
    }
}
