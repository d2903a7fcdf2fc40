package org.camaudit.inventory.service.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.inventory.mapping.Observation;
import org.camaudit.inventory.mapping.ObservationBatch;

/**
 * Turns a batch into what the ingest transaction needs, once per request (a retried transaction reuses it):
 * the observations normalised (blanks to null, MAC lower-case) as COPY text rows for {@code ingest_obs},
 * and the digest that identifies this part of its scan.
 */
@ApplicationScoped
class ObservationStager {

    private static final StagedColumn[] COLUMNS = StagedColumn.values();

    private final ObjectMapper json;

    ObservationStager(ObjectMapper json) {
        this.json = json;
    }

    /** The normalised batch: COPY rows, the scan's start, the part's digest. */
    record StagedBatch(byte[] copyRows, OffsetDateTime startedAt, String digest) {
    }

    StagedBatch stage(ObservationBatch batch) {
        List<Observation> observations = batch.observations();
        int n = observations.size();
        Instant fallback = batch.finishedAt() != null ? batch.finishedAt().toInstant()
                : batch.startedAt() != null ? batch.startedAt().toInstant() : Instant.now();
        StagedColumn.Context context = new StagedColumn.Context(json.writer(), fallback);
        String[][] values = new String[COLUMNS.length][n];
        try {
            for (int i = 0; i < n; i++) {
                Observation o = observations.get(i);
                for (StagedColumn column : COLUMNS) {
                    values[column.ordinal()][i] = column.value(o, context);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an observation", e);
        }
        OffsetDateTime startedAt = batch.startedAt() != null ? batch.startedAt()
                : batch.finishedAt() != null ? batch.finishedAt() : OffsetDateTime.now();
        return new StagedBatch(copyRows(values, n), startedAt, digest(values, observations));
    }

    /** The COPY statement for the rows of {@link #stage}. */
    static String copyStatement() {
        StringBuilder sql = new StringBuilder("COPY ingest_obs (idx");
        for (StagedColumn column : COLUMNS) {
            sql.append(", ").append(column.column);
        }
        return sql.append(") FROM STDIN").toString();
    }

    /** The column definitions of {@code ingest_obs} after {@code idx}. */
    static String columnDefinitions() {
        StringBuilder sql = new StringBuilder();
        for (StagedColumn column : COLUMNS) {
            sql.append(", ").append(column.column).append(' ').append(column.type);
        }
        return sql.toString();
    }

    /** COPY text format: one line per observation, its index first, tab-separated, {@code \N} for null. */
    private static byte[] copyRows(String[][] values, int n) {
        StringBuilder rows = new StringBuilder(n * 512);
        for (int i = 0; i < n; i++) {
            rows.append(i);
            for (String[] column : values) {
                rows.append('\t');
                appendCopyValue(rows, column[i]);
            }
            rows.append('\n');
        }
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value escaped for COPY text: backslash, tab, newline and carriage return are written as escapes. */
    static void appendCopyValue(StringBuilder rows, String value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            rows.append(value);
            return;
        }
        rows.append(value, 0, plain);
        for (int k = plain; k < value.length(); k++) {
            char ch = value.charAt(k);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
    }

    private static boolean needsEscape(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    /**
     * SHA-256 over the normalised observations, column by column: the identity of one part of a scan. The
     * identification columns count only when the batch has one, and the observation time only when the
     * scanner gave it, so a part means the same whatever the scanner's version or the time of arrival.
     */
    private static String digest(String[][] values, List<Observation> observations) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        boolean identified = observations.stream().anyMatch(o -> o.identification() != null);
        for (StagedColumn column : COLUMNS) {
            switch (column.digest) {
                case ALWAYS -> update(sha, values[column.ordinal()]);
                case WHEN_IDENTIFIED -> {
                    if (identified) {
                        update(sha, values[column.ordinal()]);
                    }
                }
                case AS_GIVEN -> {
                    for (Observation o : observations) {
                        update(sha, o.observedAt() == null ? null : o.observedAt().toInstant().toString());
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String[] column) {
        for (String value : column) {
            update(sha, value);
        }
        sha.update((byte) 2);
    }

    /** A value and its end mark (1), or the null mark (0). */
    private static void update(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0);
        } else {
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 1);
        }
    }
}
