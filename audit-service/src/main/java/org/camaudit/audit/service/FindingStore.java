package org.camaudit.audit.service;

import static org.camaudit.audit.service.FindingColumns.decision;
import static org.camaudit.audit.service.FindingColumns.events;
import static org.camaudit.audit.service.FindingColumns.facts;
import static org.camaudit.audit.service.FindingColumns.id;
import static org.camaudit.audit.service.FindingColumns.identity;
import static org.camaudit.audit.service.FindingColumns.status;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingEvent;
import org.camaudit.audit.service.FindingColumns.Column;
import org.camaudit.audit.service.FindingColumns.JsonLists;

/**
 * The audit's set-based access to the findings, beside the JPA mapping that serves the API: all findings read in one
 * query, new findings written in one {@code INSERT … SELECT … FROM unnest(…)}, changed findings in one
 * {@code UPDATE … FROM unnest(…)}, status events in one more {@code INSERT}, each for up to
 * {@value #ROWS_PER_STATEMENT} rows. Unchanged findings are not written. Runs in the caller's transaction. The
 * columns are {@link FindingColumns}.
 *
 * <p>An update writes the columns an audit owns (what it saw of the device and its verdict); it writes {@code status}
 * and {@code closed_reason} only for findings whose status the audit changed (those with an event), so a decision
 * taken while the audit ran is not overwritten by a refresh of the device's facts.
 */
@ApplicationScoped
public class FindingStore {

    /** Rows per statement: bounds the size of one statement's array parameters. */
    static final int ROWS_PER_STATEMENT = 5000;

    private final EntityManager entityManager;

    FindingStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every stored finding, as plain objects outside the persistence context. */
    public List<Finding> all() {
        List<Column<Finding>> columns = Stream.of(List.of(id()), identity(), facts(new JsonLists()), status(), decision())
                .flatMap(List::stream).toList();
        // JSON columns as text, so their bytes are the UTF-8 text in any transfer format the driver picks
        String sql = "select " + columns.stream().map(c -> "jsonb".equals(c.type()) ? c.name() + "::text" : c.name())
                .collect(Collectors.joining(", ")) + " from finding";
        List<Finding> all = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(ROWS_PER_STATEMENT);
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        Finding finding = new Finding();
                        for (int c = 0; c < columns.size(); c++) {
                            columns.get(c).reader().read(finding, rows, c + 1);
                        }
                        all.add(finding);
                    }
                }
            }
        });
        return all;
    }

    /** Inserts new findings; their ids come from {@code finding_seq}. */
    public void insert(List<Finding> findings) {
        List<Column<Finding>> columns = Stream.of(identity(), facts(new JsonLists()), status())
                .flatMap(List::stream).toList();
        write(insertSql("finding", "finding_seq", columns), columns, findings);
    }

    /** Writes back stored findings the audit changed; {@code events} says whose status it changed. */
    public void update(Collection<Finding> findings, List<FindingEvent> events) {
        Set<Long> statusChanged = events.stream().map(e -> e.findingId).collect(Collectors.toSet());
        Column<Finding> changed = new Column<>("status_changed", "boolean",
                f -> Boolean.toString(statusChanged.contains(f.id)));
        List<Column<Finding>> facts = facts(new JsonLists());
        List<String> assignments = new ArrayList<>();
        facts.forEach(c -> assignments.add(c.name() + " = " + c.cast("v." + c.name())));
        status().forEach(c -> assignments.add(c.name() + " = case when " + changed.cast("v." + changed.name()) + " then "
                + c.cast("v." + c.name()) + " else f." + c.name() + " end"));
        List<Column<Finding>> columns = Stream.of(List.of(id(), changed), facts, status()).flatMap(List::stream).toList();
        String sql = "update finding f set " + String.join(", ", assignments) + " from " + unnest(columns)
                + " where f.id = " + id().cast("v.id");
        write(sql, columns, List.copyOf(findings));
    }

    /** Inserts the audit's status events; their ids come from {@code finding_event_seq}. */
    public void insertEvents(List<FindingEvent> events) {
        List<Column<FindingEvent>> columns = events();
        write(insertSql("finding_event", "finding_event_seq", columns), columns, events);
    }

    private static <T> String insertSql(String table, String sequence, List<Column<T>> columns) {
        return "insert into " + table + " (id, " + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") select nextval('" + sequence + "'), "
                + columns.stream().map(c -> c.cast("v." + c.name())).collect(Collectors.joining(", "))
                + " from " + unnest(columns);
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
}
