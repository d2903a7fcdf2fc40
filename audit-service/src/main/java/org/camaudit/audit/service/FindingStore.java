package org.camaudit.audit.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;

/**
 * Writes what an audit changed in a few set-based statements instead of one statement per row: new findings in one
 * {@code INSERT … SELECT … FROM unnest(…)}, changed findings in one {@code UPDATE … FROM unnest(…)}, status events in
 * one more {@code INSERT}, each for up to {@value #ROWS_PER_STATEMENT} rows. Unchanged findings are not written.
 * Runs in the caller's transaction.
 *
 * <p>An update writes the columns an audit owns (what it saw of the device and its verdict). It writes {@code status}
 * and {@code closed_reason} only for findings whose status the audit changed (those with an event), so a decision
 * taken while the audit ran is not overwritten by a refresh of the device's facts.
 */
@ApplicationScoped
public class FindingStore {

    /** Rows per statement: bounds the size of one statement's array parameters. */
    static final int ROWS_PER_STATEMENT = 5000;

    /** How one column is written: its name, its SQL type, its value as text (null for SQL null). */
    private record Column<T>(String name, String type, Function<T, String> value) {
        String cast(String source) {
            return source + "::" + type;
        }
    }

    private final EntityManager entityManager;
    private final ObjectWriter json = new ObjectMapper().writer();

    FindingStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Every stored finding, detached: changes are written by {@link #insert}, {@link #update} and
     * {@link #insertEvents}, never by the persistence context, and its flush does not walk them. Call before
     * persisting anything else in the transaction: the persistence context is cleared.
     */
    public List<Finding> all() {
        List<Finding> all = entityManager.createQuery("from Finding", Finding.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        entityManager.clear();
        return all;
    }

    /** Inserts new findings; their ids come from {@code finding_seq}. */
    public void insert(List<Finding> findings) {
        List<Column<Finding>> columns = new ArrayList<>(identity());
        columns.addAll(facts(new IdentityHashMap<>()));
        columns.addAll(status());
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String sql = "insert into finding (id, " + names + ") select nextval('finding_seq'), "
                + columns.stream().map(c -> c.cast("v." + c.name())).collect(Collectors.joining(", "))
                + " from " + unnest(columns);
        write(sql, columns, findings);
    }

    /** Writes back stored findings the audit changed; {@code events} says whose status it changed. */
    public void update(Collection<Finding> findings, List<FindingEvent> events) {
        Set<Long> statusChanged = events.stream().map(e -> e.findingId).collect(Collectors.toSet());
        Column<Finding> id = new Column<>("id", "bigint", f -> f.id.toString());
        Column<Finding> changed = new Column<>("status_changed", "boolean",
                f -> Boolean.toString(statusChanged.contains(f.id)));
        List<Column<Finding>> facts = facts(new IdentityHashMap<>());
        List<String> assignments = new ArrayList<>();
        facts.forEach(c -> assignments.add(c.name() + " = " + c.cast("v." + c.name())));
        status().forEach(c -> assignments.add(c.name() + " = case when " + changed.cast("v." + changed.name()) + " then "
                + c.cast("v." + c.name()) + " else f." + c.name() + " end"));
        List<Column<Finding>> columns = new ArrayList<>(List.of(id, changed));
        columns.addAll(facts);
        columns.addAll(status());
        String sql = "update finding f set " + String.join(", ", assignments) + " from " + unnest(columns)
                + " where f.id = " + id.cast("v.id");
        write(sql, columns, List.copyOf(findings));
    }

    /** Inserts the audit's status events; their ids come from {@code finding_event_seq}. */
    public void insertEvents(List<FindingEvent> events) {
        List<Column<FindingEvent>> columns = List.of(
                new Column<>("finding_id", "bigint", e -> Long.toString(e.findingId)),
                new Column<>("at", "timestamptz", e -> e.at.toString()),
                new Column<>("actor", "varchar", e -> e.actor),
                new Column<>("from_status", "varchar", e -> e.fromStatus == null ? null : e.fromStatus.code()),
                new Column<>("to_status", "varchar", e -> e.toStatus.code()),
                new Column<>("reason", "varchar", e -> e.reason),
                new Column<>("audit_id", "bigint", e -> e.auditId == null ? null : e.auditId.toString()));
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String sql = "insert into finding_event (id, " + names + ") select nextval('finding_event_seq'), "
                + columns.stream().map(c -> c.cast("v." + c.name())).collect(Collectors.joining(", "))
                + " from " + unnest(columns);
        write(sql, columns, events);
    }

    /** What never changes after the finding is created. */
    private static List<Column<Finding>> identity() {
        return List.of(
                new Column<>("device_id", "varchar", f -> f.deviceId),
                new Column<>("vendor", "varchar", f -> f.vendor),
                new Column<>("first_audit_id", "bigint", f -> Long.toString(f.firstAuditId)),
                new Column<>("created_at", "timestamptz", f -> f.createdAt.toString()));
    }

    /** What the audit saw and concluded; {@code jsonCache} serialises a list shared by many findings once. */
    private List<Column<Finding>> facts(Map<Object, String> jsonCache) {
        return List.of(
                new Column<>("site", "varchar", f -> f.site),
                new Column<>("ip", "varchar", f -> f.ip),
                new Column<>("location", "varchar", f -> f.location),
                new Column<>("model", "varchar", f -> f.model),
                new Column<>("reported_manufacturer", "varchar", f -> f.reportedManufacturer),
                new Column<>("category", "varchar", f -> f.category.code()),
                new Column<>("confidence", "varchar", f -> f.confidence.code()),
                new Column<>("matched_by", "jsonb", f -> json(f.matchedBy, jsonCache)),
                new Column<>("basis", "jsonb", f -> json(f.basis, jsonCache)),
                new Column<>("upcoming_basis", "jsonb", f -> json(f.upcomingBasis, jsonCache)),
                new Column<>("device_date", "varchar", f -> f.deviceDate),
                new Column<>("device_date_source", "varchar", f -> f.deviceDateSource),
                new Column<>("policy_version", "integer", f -> Integer.toString(f.policyVersion)),
                new Column<>("last_audit_id", "bigint", f -> Long.toString(f.lastAuditId)),
                new Column<>("updated_at", "timestamptz", f -> f.updatedAt.toString()));
    }

    /** The status an audit sets when it opens, closes, reopens or replaces a finding. */
    private static List<Column<Finding>> status() {
        return List.of(
                new Column<>("status", "varchar", f -> f.status.code()),
                new Column<>("closed_reason", "varchar", f -> f.closedReason));
    }

    /** {@code unnest(?::text[], …) as v(a, b, …)}: one text array parameter per column. */
    private static String unnest(List<? extends Column<?>> columns) {
        return "unnest(" + columns.stream().map(c -> "?::text[]").collect(Collectors.joining(", ")) + ") as v("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")";
    }

    private <T> void write(String sql, List<Column<T>> columns, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                    List<T> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                    for (int c = 0; c < columns.size(); c++) {
                        statement.setArray(c + 1, textArray(connection, columns.get(c), part));
                    }
                    statement.executeUpdate();
                }
            }
        });
    }

    private static <T> Array textArray(Connection connection, Column<T> column, List<T> rows) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.value().apply(rows.get(i));
        }
        return connection.createArrayOf("text", values);
    }

    private String json(Object value, Map<Object, String> cache) {
        return cache.computeIfAbsent(value, v -> {
            try {
                return json.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a finding's list cannot be written as JSON", e);
            }
        });
    }
}
