package org.camaudit.inventory.mapping;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * An observation's {@code observedAt}, read without {@code DateTimeFormatter} in its usual shape
 * ({@code 2026-11-28T10:00:04Z}, optionally with a fraction of a second and a {@code ±HH:MM} offset): a batch
 * carries 10,000 of them, and the formatter's parse took a third of the C2 compiler's long compilations on
 * the ingest and several per cent of its CPU. Every other shape, and every value the fast path cannot make a
 * valid time of, goes to the mapper's own deserializer (with the services' strict rules), so what is accepted
 * and what error is given do not change; the result is adjusted to the context time zone as Jackson's would be.
 */
public final class ObservedAtDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    public ObservedAtDeserializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            OffsetDateTime value = parse(p.getText());
            if (value != null && ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
                ZoneId zone = ctxt.getTimeZone().toZoneId();
                value = value.withOffsetSameInstant(zone.getRules().getOffset(value.toInstant()));
            }
            // outside the years 1 to 9999 the mapper's own deserializer gives its refusal
            if (value != null && value.getYear() >= 1 && value.getYear() <= 9999) {
                return value;
            }
        }
        JsonDeserializer<Object> standard = ctxt.findRootValueDeserializer(ctxt.constructType(OffsetDateTime.class));
        return (OffsetDateTime) standard.deserialize(p, ctxt);
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}; null for any other text or an invalid date or time. */
    static OffsetDateTime parse(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int at = 19;
        int nano = 0;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 9 && isDigit(s.charAt(at))) {
                nano = nano * 10 + s.charAt(at++) - '0';
            }
            if (at == start || (at < n && isDigit(s.charAt(at)))) {
                return null;
            }
            for (int k = at - start; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = offset(s, at);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code at}; null otherwise. */
    private static ZoneOffset offset(String s, int at) {
        int rest = s.length() - at;
        if (rest == 1 && s.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest == 6 ? s.charAt(at) : 0;
        if ((sign != '+' && sign != '-') || s.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if (hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char ch = s.charAt(k);
            if (!isDigit(ch)) {
                return -1;
            }
            value = value * 10 + ch - '0';
        }
        return value;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
