package org.camaudit.audit.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.entity.FindingStatus;
import org.camaudit.audit.evaluation.Confidence;
import org.camaudit.audit.evaluation.LegalBasis;
import org.camaudit.audit.evaluation.MatchedRule;
import org.camaudit.audit.policy.Category;

/**
 * The columns of {@code finding} and {@code finding_event} as {@link FindingStore} reads and writes them: one place
 * that says how each field becomes SQL text and how it is read back, shared by the select, the insert and the update.
 * A JSON list shared by many findings (the bases of a site's jurisdictions) is parsed and written once per statement.
 */
final class FindingColumns {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = JSON.writer();
    private static final ObjectReader RULES = JSON.readerFor(new TypeReference<List<MatchedRule>>() { });
    private static final ObjectReader BASES = JSON.readerFor(new TypeReference<List<LegalBasis>>() { });

    /** Reads one column of the current row into an object. */
    @FunctionalInterface
    interface Reader<T> {
        void read(T row, ResultSet rows, int column) throws SQLException;
    }

    /**
     * One column: its name, its SQL type, its value as text (null for SQL null; no function for a column the store
     * never writes) and, for findings, how it is read.
     */
    record Column<T>(String name, String type, Function<T, String> value, Reader<T> reader) {
        Column(String name, String type, Function<T, String> value) {
            this(name, type, value, null);
        }

        String cast(String source) {
            return source + "::" + type;
        }
    }

    private FindingColumns() {
    }

    static Column<Finding> id() {
        return new Column<>("id", "bigint", f -> f.id.toString(), (f, r, c) -> f.id = r.getLong(c));
    }

    /** What never changes after the finding is created. */
    static List<Column<Finding>> identity() {
        return List.of(
                new Column<>("device_id", "varchar", f -> f.deviceId, (f, r, c) -> f.deviceId = r.getString(c)),
                new Column<>("vendor", "varchar", f -> f.vendor, (f, r, c) -> f.vendor = r.getString(c)),
                new Column<>("first_audit_id", "bigint", f -> Long.toString(f.firstAuditId),
                        (f, r, c) -> f.firstAuditId = r.getLong(c)),
                new Column<>("created_at", "timestamptz", f -> f.createdAt.toString(),
                        (f, r, c) -> f.createdAt = r.getObject(c, OffsetDateTime.class)));
    }

    /** What the audit saw and concluded. */
    static List<Column<Finding>> facts(JsonLists json) {
        return List.of(
                new Column<>("site", "varchar", f -> f.site, (f, r, c) -> f.site = r.getString(c)),
                new Column<>("ip", "varchar", f -> f.ip, (f, r, c) -> f.ip = r.getString(c)),
                new Column<>("location", "varchar", f -> f.location, (f, r, c) -> f.location = r.getString(c)),
                new Column<>("model", "varchar", f -> f.model, (f, r, c) -> f.model = r.getString(c)),
                new Column<>("reported_manufacturer", "varchar", f -> f.reportedManufacturer,
                        (f, r, c) -> f.reportedManufacturer = r.getString(c)),
                new Column<>("category", "varchar", f -> f.category.code(),
                        (f, r, c) -> f.category = Category.of(r.getString(c))),
                new Column<>("confidence", "varchar", f -> f.confidence.code(),
                        (f, r, c) -> f.confidence = Confidence.of(r.getString(c))),
                new Column<>("matched_by", "jsonb", f -> json.write(f.matchedBy),
                        (f, r, c) -> f.matchedBy = json.read(r.getBytes(c), RULES)),
                new Column<>("basis", "jsonb", f -> json.write(f.basis),
                        (f, r, c) -> f.basis = json.read(r.getBytes(c), BASES)),
                new Column<>("upcoming_basis", "jsonb", f -> json.write(f.upcomingBasis),
                        (f, r, c) -> f.upcomingBasis = json.read(r.getBytes(c), BASES)),
                new Column<>("device_date", "varchar", f -> f.deviceDate, (f, r, c) -> f.deviceDate = r.getString(c)),
                new Column<>("device_date_source", "varchar", f -> f.deviceDateSource,
                        (f, r, c) -> f.deviceDateSource = r.getString(c)),
                new Column<>("policy_version", "integer", f -> Integer.toString(f.policyVersion),
                        (f, r, c) -> f.policyVersion = r.getInt(c)),
                new Column<>("last_audit_id", "bigint", f -> Long.toString(f.lastAuditId),
                        (f, r, c) -> f.lastAuditId = r.getLong(c)),
                new Column<>("updated_at", "timestamptz", f -> f.updatedAt.toString(),
                        (f, r, c) -> f.updatedAt = r.getObject(c, OffsetDateTime.class)));
    }

    /** The status an audit sets when it opens, closes, reopens or replaces a finding. */
    static List<Column<Finding>> status() {
        return List.of(
                new Column<>("status", "varchar", f -> f.status.code(), (f, r, c) -> f.status = status(r.getString(c))),
                new Column<>("closed_reason", "varchar", f -> f.closedReason,
                        (f, r, c) -> f.closedReason = r.getString(c)));
    }

    private static FindingStatus status(String code) throws SQLException {
        Optional<FindingStatus> status = FindingStatus.parse(code);
        if (status.isEmpty()) {
            throw new SQLException("a finding has the unknown status " + code);
        }
        return status.get();
    }

    /** What people decided: read, never written by an audit (no value). */
    static List<Column<Finding>> decision() {
        return List.of(
                new Column<>("note", "varchar", null, (f, r, c) -> f.note = r.getString(c)),
                new Column<>("decided_by", "varchar", null, (f, r, c) -> f.decidedBy = r.getString(c)),
                new Column<>("decided_at", "timestamptz", null,
                        (f, r, c) -> f.decidedAt = r.getObject(c, OffsetDateTime.class)));
    }

    /** A status event's columns. */
    static List<Column<FindingEvent>> events() {
        return List.of(
                new Column<>("finding_id", "bigint", e -> Long.toString(e.findingId)),
                new Column<>("at", "timestamptz", e -> e.at.toString()),
                new Column<>("actor", "varchar", e -> e.actor),
                new Column<>("from_status", "varchar", e -> e.fromStatus == null ? null : e.fromStatus.code()),
                new Column<>("to_status", "varchar", e -> e.toStatus.code()),
                new Column<>("reason", "varchar", e -> e.reason),
                new Column<>("audit_id", "bigint", e -> e.auditId == null ? null : e.auditId.toString()));
    }

    /** JSON lists of one call: each list written once, each distinct text parsed once (lists are never changed in place). */
    static final class JsonLists {
        private final Map<Object, String> written = new IdentityHashMap<>();
        private final Map<ByteBuffer, List<?>> read = new HashMap<>();

        String write(Object list) {
            return written.computeIfAbsent(list, v -> {
                try {
                    return WRITER.writeValueAsString(v);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a finding's list cannot be written as JSON", e);
                }
            });
        }

        /** {@code utf8} is the column's text as PostgreSQL sent it, so equal lists are found without decoding. */
        @SuppressWarnings("unchecked")
        <T> List<T> read(byte[] utf8, ObjectReader reader) throws SQLException {
            ByteBuffer key = ByteBuffer.wrap(utf8);
            List<?> list = read.get(key);
            if (list == null) {
                try {
                    list = Collections.unmodifiableList(reader.<List<?>>readValue(utf8));
                } catch (IOException e) {
                    throw new SQLException("a finding's stored list is not the JSON expected: " + e.getMessage(), e);
                }
                read.put(key, list);
            }
            return (List<T>) list;
        }
    }
}
