package org.camaudit.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.camaudit.common.problem.ProblemException;
import org.camaudit.inventory.config.InventoryConfig;

/** Checks {@code page} and {@code size} query parameters against the configured bounds. */
@ApplicationScoped
public class Paging {

    private final InventoryConfig config;

    Paging(InventoryConfig config) {
        this.config = config;
    }

    /** The page and size to use; 400 naming the parameter when either is out of range. */
    public io.quarkus.panache.common.Page of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? config.defaultPageSize() : size;
        if (p < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > config.maxPageSize()) {
            throw ProblemException.badRequest("size", "must be between 1 and " + config.maxPageSize());
        }
        return io.quarkus.panache.common.Page.of(p, s);
    }
}
