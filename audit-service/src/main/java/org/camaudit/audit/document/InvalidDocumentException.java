package org.camaudit.audit.document;

import java.util.List;

import org.camaudit.common.problem.Problem.FieldError;

/** A policy or cost table that cannot be accepted, with every rejected field. */
public class InvalidDocumentException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidDocumentException(List<FieldError> errors) {
        super(errors.size() + " problem(s) in the document", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
