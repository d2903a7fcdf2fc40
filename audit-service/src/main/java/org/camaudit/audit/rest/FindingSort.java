package org.camaudit.audit.rest;

import java.util.List;
import java.util.Locale;

import io.quarkus.panache.common.Sort;

import org.camaudit.common.problem.ProblemException;

/** The {@code sort} parameter of the findings list: a field, {@code -field} or {@code field,desc}. */
public final class FindingSort {

    /** The sortable fields (API and entity names agree); each sort ends on {@code id} so pages are stable. */
    static final String FIELDS_TEXT = "id, site, ip, vendor, model, category, confidence, status, location, decidedAt";
    static final List<String> FIELDS = List.of(FIELDS_TEXT.split(", "));

    private FindingSort() {
    }

    public static Sort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.ascending("id");
        }
        String field = sort.trim();
        Sort.Direction direction = Sort.Direction.Ascending;
        if (field.startsWith("-")) {
            field = field.substring(1);
            direction = Sort.Direction.Descending;
        } else if (field.contains(",")) {
            String order = field.substring(field.indexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
            field = field.substring(0, field.indexOf(',')).trim();
            if (order.equals("desc")) {
                direction = Sort.Direction.Descending;
            } else if (!order.equals("asc")) {
                throw ProblemException.badRequest("sort", "the order after the comma must be asc or desc");
            }
        }
        if (!FIELDS.contains(field)) {
            throw ProblemException.badRequest("sort", "must be one of " + FIELDS_TEXT);
        }
        Sort result = Sort.by(field, direction);
        return field.equals("id") ? result : result.and("id", Sort.Direction.Ascending);
    }
}
