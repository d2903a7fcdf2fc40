package org.camaudit.audit.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.camaudit.audit.config.AuditConfig;
import org.camaudit.common.problem.ProblemException;

/** Checks {@code page} and {@code size} query parameters against the configured limits. */
@ApplicationScoped
class Paging {

    private final AuditConfig.Paging limits;

    Paging(AuditConfig config) {
        this.limits = config.paging();
    }

    int page(Integer page) {
        if (page == null) {
            return 0;
        }
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        return page;
    }

    int size(Integer size) {
        if (size == null) {
            return limits.defaultSize();
        }
        if (size < 1 || size > limits.maxSize()) {
            throw ProblemException.badRequest("size", "must be between 1 and " + limits.maxSize());
        }
        return size;
    }
}
