package org.camaudit.audit.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.camaudit.common.json.StrictJsonCustomizer;
import org.camaudit.common.json.UnsafeTextException;
import org.camaudit.common.problem.Problem.FieldError;

/**
 * Reads the service's own documents (policy, cost table) strictly: unknown fields, wrong types and constraint
 * violations are all rejected, each naming its field as the client wrote it ({@code vendors[0].aliases[1].name}).
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static {
        new StrictJsonCustomizer().customize(MAPPER);
    }

    /** Hibernate Validator's name for a list element ({@code prefixes[0].<list element>}), which clients never wrote. */
    private static final Pattern CONTAINER_NODE = Pattern.compile("\\.<[^>]*>");

    private StrictJson() {
    }

    /** Parses {@code json} as {@code type} and checks its bean constraints. */
    public static <T> T read(String json, Class<T> type, Validator validator) {
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidDocumentException(List.of(new FieldError(path(e), "unknown field")));
        } catch (UnsafeTextException e) {
            String field = path(e);
            throw new InvalidDocumentException(List.of(new FieldError(field.isEmpty() ? "body" : field, e.reason())));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new InvalidDocumentException(List.of(new FieldError(field.isEmpty() ? "body" : field,
                    "has the wrong type or format")));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidDocumentException(List.of(new FieldError("body", "is not valid JSON" + where)));
        }
        if (value == null) {
            throw new InvalidDocumentException(List.of(new FieldError("body", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            errors.add(new FieldError(CONTAINER_NODE.matcher(violation.getPropertyPath().toString()).replaceAll(""),
                    violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidDocumentException(errors);
        }
        return value;
    }

    /** The document as stored and served. */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document record cannot fail to serialise", e);
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
