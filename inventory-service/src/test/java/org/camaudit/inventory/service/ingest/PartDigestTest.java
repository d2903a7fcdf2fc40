package org.camaudit.inventory.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.camaudit.inventory.mapping.Observation;

/** The buffered digest gives the bytes of its definition: each value, its mark, each column's end. */
class PartDigestTest {

    private static final int COLUMNS = StagedColumn.values().length;

    /** The definition, one update per value and mark. */
    private static String reference(byte[][][] values, List<Observation> observations) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        boolean identified = observations.stream().anyMatch(o -> o.identification() != null);
        for (StagedColumn column : StagedColumn.values()) {
            byte[][] staged = values[column.ordinal()];
            if (column.digest == StagedColumn.Digest.WHEN_IDENTIFIED && !identified) {
                continue;
            }
            for (int i = 0; i < staged.length; i++) {
                byte[] value = column.digest == StagedColumn.Digest.AS_GIVEN && observations.get(i).observedAt() == null
                        ? null : staged[i];
                if (value == null) {
                    sha.update((byte) 0);
                } else {
                    sha.update(value);
                    sha.update((byte) 1);
                }
            }
            if (column.digest != StagedColumn.Digest.AS_GIVEN) {
                sha.update((byte) 2);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Observation observation(int i, boolean dated, boolean identified) {
        return new Observation("10.0.0." + i, null, null, null, null, null, null, null, null, null, null, null,
                dated ? OffsetDateTime.parse("2026-11-28T10:00:04Z") : null,
                identified ? new Observation.Identification("partial", List.of()) : null);
    }

    private static byte[][][] values(int n, int bytesPerValue) {
        byte[][][] values = new byte[COLUMNS][n][];
        for (int c = 0; c < COLUMNS; c++) {
            for (int i = 0; i < n; i++) {
                values[c][i] = (i + c) % 7 == 0 ? null
                        : ("v" + c + "-" + i + "-" + "x".repeat(bytesPerValue)).getBytes(StandardCharsets.UTF_8);
            }
        }
        return values;
    }

    @Test
    void manyValuesAcrossTheBufferGiveTheDefinedDigest() throws Exception {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            observations.add(observation(i, i % 3 != 0, i == 17));
        }
        byte[][][] values = values(3000, 40);

        assertThat(PartDigest.of(values, observations)).isEqualTo(reference(values, observations));
    }

    @Test
    void valuesLargerThanTheBufferGiveTheDefinedDigest() throws Exception {
        List<Observation> observations = List.of(observation(1, true, false), observation(2, false, false));
        byte[][][] values = values(2, 100_000);

        assertThat(PartDigest.of(values, observations)).isEqualTo(reference(values, observations));
    }
}
