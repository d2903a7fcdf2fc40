package org.camaudit.audit.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Validator;

import org.camaudit.audit.document.InvalidDocumentException;
import org.camaudit.audit.document.StrictJson;
import org.camaudit.common.problem.Problem.FieldError;

/**
 * Reads a policy document strictly ({@link StrictJson}) and adds the rules that span fields: vendor names unique,
 * brand periods in order. Every problem names its field ({@code vendors[0].modelPatterns[2].pattern}).
 */
public class PolicyParser {

    private final Validator validator;

    public PolicyParser(Validator validator) {
        this.validator = validator;
    }

    /** Parses and validates; throws {@link InvalidDocumentException} naming every rejected field. */
    public Policy parse(String json) {
        Policy policy = StrictJson.read(json, Policy.class, validator);
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int v = 0; v < policy.vendors().size(); v++) {
            Policy.Vendor vendor = policy.vendors().get(v);
            if (!names.add(vendor.name().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("vendors[" + v + "].name", "names a vendor listed twice"));
            }
            for (int b = 0; b < vendor.brands().size(); b++) {
                Policy.Brand brand = vendor.brands().get(b);
                if (brand.from() != null && brand.to() != null && brand.to().compareTo(brand.from()) < 0) {
                    errors.add(new FieldError("vendors[" + v + "].brands[" + b + "].to", "must not be before from"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException(errors);
        }
        return policy;
    }
}
