package org.camaudit.inventory.service.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.camaudit.inventory.mapping.Observation;

/**
 * The columns of the staging table {@code ingest_obs} after its {@code idx}, in COPY order: the name, the
 * column type, and how an observation's value is normalised into COPY text. The declaration order is the
 * table's column order and the order in which a part's digest reads them.
 */
enum StagedColumn {

    IP("ip", "varchar(45) NOT NULL", Digest.ALWAYS, (o, c) -> utf8(o.ip().strip().toLowerCase(Locale.ROOT))),
    MAC("mac", "varchar(17)", Digest.ALWAYS, (o, c) -> utf8(normaliseMac(o.mac()))),
    MANUFACTURER("manufacturer", "varchar(255)", Digest.ALWAYS, (o, c) -> utf8(trimToNull(o.manufacturer()))),
    REPORTED_MANUFACTURER("reported_manufacturer", "varchar(255)", Digest.ALWAYS,
            (o, c) -> utf8(trimToNull(o.reportedManufacturer()))),
    MODEL("model", "varchar(255)", Digest.ALWAYS, (o, c) -> utf8(trimToNull(o.model()))),
    FIRMWARE_VERSION("firmware_version", "varchar(255)", Digest.ALWAYS, (o, c) -> utf8(trimToNull(o.firmwareVersion()))),
    SERIAL_NUMBER("serial_number", "varchar(255)", Digest.ALWAYS, (o, c) -> utf8(trimToNull(o.serialNumber()))),
    HARDWARE_ID("hardware_id", "varchar(255)", Digest.ALWAYS, (o, c) -> utf8(trimToNull(o.hardwareId()))),
    DISCOVERED_BY("discovered_by", "jsonb NOT NULL", Digest.ALWAYS, (o, c) -> c.jsonList(o.discoveredBy())),
    ONVIF("onvif", "jsonb", Digest.ALWAYS, (o, c) -> o.onvif() == null ? null : c.json(o.onvif())),
    HTTP_PORTS("http_ports", "jsonb NOT NULL", Digest.ALWAYS, (o, c) -> c.jsonList(o.httpPorts())),
    EVIDENCE("evidence", "jsonb NOT NULL", Digest.ALWAYS, (o, c) -> c.jsonList(o.evidence())),
    IDENTIFICATION_STATUS("identification_status", "varchar(16)", Digest.WHEN_IDENTIFIED,
            (o, c) -> o.identification() == null ? null : utf8(o.identification().status())),
    IDENTIFICATION_REASONS("identification_reasons", "jsonb NOT NULL", Digest.WHEN_IDENTIFIED,
            (o, c) -> c.jsonList(o.identification() == null || o.identification().reasons() == null ? null
                    : o.identification().reasons().stream().map(String::strip).toList())),
    OBSERVED_AT("observed_at", "timestamptz NOT NULL", Digest.AS_GIVEN,
            (o, c) -> utf8((o.observedAt() == null ? c.fallbackObservedAt() : o.observedAt().toInstant()).toString()));

    /** How a column enters the digest that identifies a part of a scan. */
    enum Digest {
        /** Its normalised value. */
        ALWAYS,
        /** Its normalised value, when an observation of the batch has an identification (older scanners sent none). */
        WHEN_IDENTIFIED,
        /** The value the scanner gave, not the fallback (the time of arrival is no part of what was observed). */
        AS_GIVEN
    }

    /** What a column's value may depend on besides the observation. */
    record Context(ObjectWriter writer, Instant fallbackObservedAt) {
        byte[] json(Object value) throws JsonProcessingException {
            return writer.writeValueAsBytes(value);
        }

        /** A list as JSON; an absent list is empty. */
        byte[] jsonList(List<?> list) throws JsonProcessingException {
            return json(list == null ? List.of() : list);
        }
    }

    /** How a column's value is read from an observation. */
    @FunctionalInterface
    interface Value {
        byte[] of(Observation o, Context c) throws JsonProcessingException;
    }

    final String column;
    final String type;
    final Digest digest;
    private final Value value;

    StagedColumn(String column, String type, Digest digest, Value value) {
        this.column = column;
        this.type = type;
        this.digest = digest;
        this.value = value;
    }

    /** The normalised value as COPY will store it, in UTF-8 and not yet escaped; null for SQL NULL. */
    byte[] value(Observation o, Context c) throws JsonProcessingException {
        return value.of(o, c);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case, colon-separated; the all-zero and broadcast addresses identify nothing. */
    static String normaliseMac(String mac) {
        if (mac == null || mac.isBlank()) {
            return null;
        }
        String m = mac.strip().toLowerCase(Locale.ROOT).replace('-', ':');
        return m.equals("00:00:00:00:00:00") || m.equals("ff:ff:ff:ff:ff:ff") ? null : m;
    }

    static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
