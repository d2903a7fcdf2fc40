package org.camaudit.audit.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;

import org.camaudit.common.paging.Sorting;

/** The {@code sort} parameter of the findings list: a field, {@code -field} or {@code field,desc} ({@link Sorting}). */
public final class FindingSort {

    /** The sortable fields (API and entity names agree). */
    static final String FIELDS_TEXT = "id, site, ip, vendor, model, category, confidence, status, location, decidedAt";
    static final List<String> FIELDS = List.of(FIELDS_TEXT.split(", "));
    private static final Map<String, String> ATTRIBUTES = FIELDS.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

    private FindingSort() {
    }

    public static Sort parse(String sort) {
        return Sorting.parse(sort, ATTRIBUTES);
    }
}
