package org.camaudit.inventory.service.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.camaudit.inventory.mapping.Observation;

/**
 * SHA-256 over the normalised observations, column by column: the identity of one part of a scan. Each value
 * is followed by its end mark (1), a null is the null mark (0), and each column ends with 2. The
 * identification columns count only when the batch has one, and the observation time only when the scanner
 * gave it, so a part means the same whatever the scanner's version or the time of arrival. The bytes go to
 * the digest through a buffer, one update per 64 KiB rather than two per value.
 */
final class PartDigest {

    private static final StagedColumn[] COLUMNS = StagedColumn.values();

    private final MessageDigest sha;
    private final byte[] buffer = new byte[1 << 16];
    private int at;

    private PartDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest, in lower-case hex, of the staged values ({@code values[column][observation]}). */
    static String of(byte[][][] values, List<Observation> observations) {
        PartDigest digest = new PartDigest();
        boolean identified = observations.stream().anyMatch(o -> o.identification() != null);
        for (StagedColumn column : COLUMNS) {
            byte[][] staged = values[column.ordinal()];
            switch (column.digest) {
                case ALWAYS -> digest.column(staged);
                case WHEN_IDENTIFIED -> {
                    if (identified) {
                        digest.column(staged);
                    }
                }
                case AS_GIVEN -> {
                    // the staged value, unless it is the fallback for an observation without a time
                    for (int i = 0; i < staged.length; i++) {
                        digest.value(observations.get(i).observedAt() == null ? null : staged[i]);
                    }
                }
            }
        }
        digest.flush();
        return HexFormat.of().formatHex(digest.sha.digest());
    }

    private void column(byte[][] staged) {
        for (byte[] value : staged) {
            value(value);
        }
        mark(2);
    }

    private void value(byte[] value) {
        if (value == null) {
            mark(0);
            return;
        }
        if (value.length > buffer.length - at) {
            flush();
            if (value.length > buffer.length) {
                sha.update(value);
                mark(1);
                return;
            }
        }
        System.arraycopy(value, 0, buffer, at, value.length);
        at += value.length;
        mark(1);
    }

    private void mark(int mark) {
        if (at == buffer.length) {
            flush();
        }
        buffer[at++] = (byte) mark;
    }

    private void flush() {
        sha.update(buffer, 0, at);
        at = 0;
    }
}
