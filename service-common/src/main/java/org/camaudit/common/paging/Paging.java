package org.camaudit.common.paging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;

import org.camaudit.common.problem.ProblemException;

/**
 * The one check of the {@code page} (0-based) and {@code size} query parameters of every list: size between 1 and
 * {@link PagingConfig#maxSize()} (default {@link PagingConfig#defaultSize()}), page 0 or more, and the first row
 * of the page ({@code page × size}) within what a database offset can hold. Anything else is a 400 naming the
 * parameter.
 */
@ApplicationScoped
public class Paging {

    /** The largest offset a query may skip to (Hibernate takes an {@code int}). */
    static final long MAX_OFFSET = Integer.MAX_VALUE;

    private final PagingConfig config;

    Paging(PagingConfig config) {
        this.config = config;
    }

    /** The page to read; 400 naming the parameter when either is out of range. */
    public Page of(Integer page, Integer size) {
        int s = size == null ? config.defaultSize() : size;
        int p = page == null ? 0 : page;
        if (s < 1 || s > config.maxSize()) {
            throw ProblemException.badRequest("size", "must be between 1 and " + config.maxSize());
        }
        if (p < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if ((long) p * s > MAX_OFFSET - s) {
            throw ProblemException.badRequest("page", "must be at most " + (MAX_OFFSET - s) / s + " with size " + s);
        }
        return Page.of(p, s);
    }
}
