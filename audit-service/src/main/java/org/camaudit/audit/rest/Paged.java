package org.camaudit.audit.rest;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a list: the items, the 0-based page, its size and how many items match in all. */
@RegisterForReflection
public record Paged<T>(List<T> items, int page, int size, long total) {
}
