package org.camaudit.inventory.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.camaudit.common.json.StrictJsonCustomizer;

/**
 * An observation's time reads as the services' strict mapper reads any {@code OffsetDateTime}: the same value
 * where that one accepts the text, a refusal where it refuses it.
 */
class ObservedAtDeserializerTest {

    private static final ObjectMapper MAPPER = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private static Object readAsObservation(String json) throws Exception {
        return MAPPER.readValue("{\"ip\":\"10.0.0.1\",\"observedAt\":" + json + "}", Observation.class).observedAt();
    }

    private static Object readAsDateTime(String json) throws Exception {
        return MAPPER.readValue(json, OffsetDateTime.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-28T10:00:04Z\"", "\"2026-11-28T10:00:04.5Z\"", "\"2026-11-28T10:00:04.123456789Z\"",
        "\"2026-11-28T10:00:04+05:30\"", "\"2026-11-28T23:30:00-02:00\"", "\"2024-02-29T00:00:00Z\"",
        "\"2026-11-28t10:00:04z\"", "\"2026-11-28T10:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"",
        "\"2026-11-28T10:00:04.Z\"", "\"2026-11-28T10:00:04-00:00\"", "null",
        "\"2026-02-29T10:00:04Z\"", "\"2026-11-28T24:00:00Z\"", "\"2026-13-01T10:00:04Z\"", "\"2026-11-28T10:60:00Z\"",
        "\"0000-06-01T00:00:00Z\"", "\"9999-12-31T23:30:00-01:00\"", "\"0001-01-01T00:30:00+01:00\"",
        "\"2026-11-28T10:00:04.1234567891Z\"", "\"2026-11-28T10:00:04+19:00\"", "\"2026-11-28 10:00:04Z\"",
        "\"2026-11-28T10:00:04\"", "\"\"", "\"2026-11-28T10:00:04Zjunk\"", "\"2026-11-28T10:00:04+05:3x\"",
        "1764324004", "true"})
    void readsEveryTextAsTheStrictMapperReadsAnyOffsetDateTime(String json) throws Exception {
        Throwable refusal = catchThrowable(() -> readAsDateTime(json));

        if (refusal == null) {
            assertThat(readAsObservation(json)).isEqualTo(readAsDateTime(json));
        } else {
            assertThat(catchThrowable(() -> readAsObservation(json))).isInstanceOf(refusal.getClass());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-28T10:00:04Z\"", "\"2026-11-28T12:00:04+02:00\"", "\"2026-11-28T10:00:04.000Z\""})
    void givesTheInstantInUtc(String json) throws Exception {
        assertThat(readAsObservation(json)).isEqualTo(OffsetDateTime.parse("2026-11-28T10:00:04Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-29T10:00:04Z\"", "\"0000-06-01T00:00:00Z\"", "\"9999-12-31T23:30:00-01:00\"",
        "1764324004"})
    void refusesImpossibleDatesYearsOutsideOneTo9999AndNumbers(String json) {
        assertThat(catchThrowable(() -> readAsObservation(json))).isNotNull();
    }

    @Test
    void readsTheUsualShapesItselfAndLeavesTheRestToTheMapper() {
        assertThat(ObservedAtDeserializer.parse("2026-11-28T10:00:04Z")).isEqualTo(OffsetDateTime.parse("2026-11-28T10:00:04Z"));
        assertThat(ObservedAtDeserializer.parse("2026-11-28T10:00:04.25-03:30"))
                .isEqualTo(OffsetDateTime.parse("2026-11-28T10:00:04.25-03:30"));
        assertThat(ObservedAtDeserializer.parse("2026-11-28T10:00Z")).isNull();
        assertThat(ObservedAtDeserializer.parse("2026-11-28t10:00:04z")).isNull();
        assertThat(ObservedAtDeserializer.parse("2026-02-30T10:00:04Z")).isNull();
    }
}
