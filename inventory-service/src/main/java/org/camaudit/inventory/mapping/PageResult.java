package org.camaudit.inventory.mapping;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a list endpoint: the rows, the 0-based page, the page size and the total of all pages. */
@RegisterForReflection
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
