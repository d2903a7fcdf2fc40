package org.camaudit.audit.rest;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.common.problem.ProblemException;

/** Query-parameter values shared by the findings list and the replacement plan. */
final class Filters {

    private Filters() {
    }

    /** {@code null} for none; 400 naming {@code confidence} for anything but confirmed, likely, possible. */
    static Confidence confidence(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Confidence.of(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("confidence", "must be confirmed, likely or possible");
        }
    }
}
