package org.camaudit.inventory.service.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
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
        byte[][][] values = new byte[COLUMNS.length][n][];
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
        return new StagedBatch(copyRows(values, n), startedAt, PartDigest.of(values, observations));
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

    /**
     * COPY text format: one line per observation, its index first, tab-separated, {@code \\N} for null. The
     * rows are written as bytes into one array sized for them: the values are UTF-8 already, and the bytes
     * COPY escapes are ASCII, which never occur inside a multi-byte UTF-8 sequence. The array grows only
     * for escapes, which are rare.
     */
    private static byte[] copyRows(byte[][][] values, int n) {
        int size = 0;
        for (int i = 0; i < n; i++) {
            size += decimalLength(i) + 1;
            for (byte[][] column : values) {
                size += 1 + (column[i] == null ? 2 : column[i].length);
            }
        }
        byte[] rows = new byte[size];
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = writeDecimal(rows, at, i);
            for (byte[][] column : values) {
                byte[] value = column[i];
                int escapes = value == null ? 0 : escapes(value);
                if (escapes > 0) {
                    size += escapes;
                    if (size > rows.length) {
                        rows = Arrays.copyOf(rows, Math.max(size, rows.length + rows.length / 2));
                    }
                }
                rows[at++] = '\t';
                at = writeCopyValue(rows, at, value, escapes);
            }
            rows[at++] = '\n';
        }
        return at == rows.length ? rows : Arrays.copyOf(rows, at);
    }

    /** A value escaped for COPY text: backslash, tab, newline and carriage return are written as escapes. */
    private static int writeCopyValue(byte[] rows, int at, byte[] value, int escapes) {
        if (value == null) {
            rows[at++] = '\\';
            rows[at++] = 'N';
            return at;
        }
        if (escapes == 0) {
            System.arraycopy(value, 0, rows, at, value.length);
            return at + value.length;
        }
        for (byte b : value) {
            byte escaped = switch (b) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escaped == 0) {
                rows[at++] = b;
            } else {
                rows[at++] = '\\';
                rows[at++] = escaped;
            }
        }
        return at;
    }

    /** How many bytes of the value COPY text needs escaped. */
    private static int escapes(byte[] value) {
        int count = 0;
        for (byte b : value) {
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                count++;
            }
        }
        return count;
    }

    private static int decimalLength(int i) {
        int length = 1;
        for (int rest = i / 10; rest > 0; rest /= 10) {
            length++;
        }
        return length;
    }

    /** Writes a non-negative int in decimal ASCII digits. */
    private static int writeDecimal(byte[] rows, int at, int i) {
        int end = at + decimalLength(i);
        int rest = i;
        for (int k = end - 1; k >= at; k--) {
            rows[k] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return end;
    }
}
