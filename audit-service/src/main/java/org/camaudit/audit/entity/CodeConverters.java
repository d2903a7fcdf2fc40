package org.camaudit.audit.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.policy.Category;

/** Stores enums by their lower-case JSON codes, so the tables read like the API. */
final class CodeConverters {

    private CodeConverters() {
    }

    @Converter(autoApply = true)
    static class ConfidenceConverter implements AttributeConverter<Confidence, String> {
        @Override
        public String convertToDatabaseColumn(Confidence value) {
            return value == null ? null : value.code();
        }

        @Override
        public Confidence convertToEntityAttribute(String code) {
            return code == null ? null : Confidence.of(code);
        }
    }

    @Converter(autoApply = true)
    static class CategoryConverter implements AttributeConverter<Category, String> {
        @Override
        public String convertToDatabaseColumn(Category value) {
            return value == null ? null : value.code();
        }

        @Override
        public Category convertToEntityAttribute(String code) {
            return code == null ? null : Category.of(code);
        }
    }
}
