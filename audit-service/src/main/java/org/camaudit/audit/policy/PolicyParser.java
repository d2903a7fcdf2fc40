package org.camaudit.audit.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.camaudit.common.problem.Problem.FieldError;

/**
 * Reads a policy document strictly: unknown fields, wrong types, missing required values, invalid regular
 * expressions and inconsistent data are all reported, each naming its field ({@code vendors[0].modelPatterns[2].pattern}).
 */
public class PolicyParser {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final Validator validator;

    public PolicyParser(Validator validator) {
        this.validator = validator;
    }

    /** Thrown with every problem found in a policy document. */
    public static class InvalidPolicyException extends RuntimeException {

        private final transient List<FieldError> errors;

        InvalidPolicyException(List<FieldError> errors) {
            super(errors.size() + " problem(s) in the policy", null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Parses and validates; throws {@link InvalidPolicyException} naming every rejected field. */
    public Policy parse(String json) {
        Policy policy;
        try {
            policy = STRICT.readValue(json, Policy.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPolicyException(List.of(new FieldError(path(e), "unknown field")));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new InvalidPolicyException(List.of(new FieldError(field.isEmpty() ? "body" : field,
                    "has the wrong type or format")));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidPolicyException(List.of(new FieldError("body", "is not valid JSON" + where)));
        }
        if (policy == null) {
            throw new InvalidPolicyException(List.of(new FieldError("body", "must be a policy object")));
        }
        validate(policy);
        return policy;
    }

    /** Bean constraints plus the rules that span fields: unique vendor names, brand periods in order. */
    public void validate(Policy policy) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Policy> violation : validator.validate(policy)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (errors.isEmpty()) {
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
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidPolicyException(errors);
        }
    }

    /** The document as JSON, as stored and served. */
    public static String write(Policy policy) {
        try {
            return STRICT.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy record cannot fail to serialise", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
