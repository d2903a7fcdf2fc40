package org.camaudit.common.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

import org.camaudit.text.SafeText;

/**
 * Makes the services' JSON reading strict, so a body is either taken exactly as written or refused with a 400
 * naming the field:
 * <ul>
 * <li>a key given twice in one object is refused (not "last one wins");
 * <li>no lossy or guessed coercion: {@code 80.5} is no integer, {@code "80"} no number, {@code 1} no string;
 * <li>every string, in records and in trees, obeys {@link SafeText};
 * <li>dates and times ({@code Instant}, {@code OffsetDateTime}, {@code LocalDate}) lie between the years 1 and 9999
 * (PostgreSQL and every client can hold those).
 * </ul>
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /** Last, so these deserializers replace the ones of the modules Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.setNodeFactory(new SafeTextNodeFactory());
        SimpleModule module = new SimpleModule("camaudit-strict-json");
        module.addDeserializer(String.class, new SafeStringDeserializer());
        module.addDeserializer(Instant.class, new BoundedDeserializer<>(Instant.class, InstantDeserializer.INSTANT,
                instant -> instant.atOffset(ZoneOffset.UTC).getYear()));
        module.addDeserializer(OffsetDateTime.class, new BoundedDeserializer<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::getYear));
        module.addDeserializer(LocalDate.class, new BoundedDeserializer<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                LocalDate::getYear));
        mapper.registerModule(module);
    }

    /** Strings only from JSON strings, and only when {@link SafeText} accepts them. */
    static final class SafeStringDeserializer extends StdScalarDeserializer<String> {

        SafeStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return checked(p, p.getText());
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Tree text values (merge patches, documents read as trees) obey the same rule. */
    static final class SafeTextNodeFactory extends JsonNodeFactory {

        SafeTextNodeFactory() {
            super(false);
        }

        @Override
        public TextNode textNode(String text) {
            String problem = text == null ? null : SafeText.problem(text);
            if (problem != null) {
                throw UnsafeTextException.<RuntimeException>sneaky(new UnsafeTextException(null, problem));
            }
            return super.textNode(text);
        }
    }

    /** ISO-8601 dates and times within years 1 to 9999, read by the JSR-310 deserializer of their type. */
    static final class BoundedDeserializer<T> extends StdScalarDeserializer<T> {

        private final transient JsonDeserializer<T> delegate;
        private final transient ToIntFunction<T> year;

        BoundedDeserializer(Class<T> type, JsonDeserializer<T> delegate, ToIntFunction<T> year) {
            super(type);
            this.delegate = delegate;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return unexpected;
            }
            T value = delegate.deserialize(p, ctxt);
            if (value != null) {
                int y = year.applyAsInt(value);
                if (y < 1 || y > 9999) {
                    throw new UnsafeTextException(p, "must be a date between the years 1 and 9999");
                }
            }
            return value;
        }
    }

    static String checked(JsonParser p, String text) throws UnsafeTextException {
        String problem = SafeText.problem(text);
        if (problem != null) {
            throw new UnsafeTextException(p, problem);
        }
        return text;
    }
}
