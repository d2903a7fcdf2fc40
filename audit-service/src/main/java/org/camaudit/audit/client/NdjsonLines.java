package org.camaudit.audit.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of newline-delimited JSON into lines as UTF-8 bytes, so each line goes to the JSON parser without
 * being decoded into a {@code String} first.
 *
 * <p>It only ever calls {@link InputStream#read(byte[], int, int)}, never {@link InputStream#available()}: the JDK's
 * chunked HTTP body stream answers {@code available()} by reading everything the socket holds and copying it chunk by
 * chunk into a buffer that grows by one chunk at a time. An {@code InputStreamReader} or {@code BufferedInputStream}
 * asks {@code available()} after every read, which made a warm audit of 100,000 devices copy tens of gigabytes and
 * wait on the garbage collector (see bench/RESULTS.md, audit section, 2026-12-01).
 */
public final class NdjsonLines {

    /** What is done with each line: {@code bytes[offset, offset + length)}, without its line end. */
    @FunctionalInterface
    public interface LineHandler {
        /** @return false to stop reading */
        boolean line(byte[] bytes, int offset, int length) throws IOException;
    }

    private static final int INITIAL = 1 << 16;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buffer = new byte[INITIAL];
    private int start;
    private int end;

    /** @param maxLineBytes the longest line accepted; a longer one is an {@link IOException} */
    public NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Hands every non-blank line to {@code handler} until the stream ends or the handler says stop. A last line
     * without a newline is handed on too. Returns false when the stream ended, true when the handler stopped.
     */
    public boolean forEach(LineHandler handler) throws IOException {
        int scanned = start;
        while (true) {
            int newline = indexOf((byte) '\n', scanned, end);
            if (newline >= 0) {
                int lineStart = start;
                start = newline + 1;
                scanned = start;
                if (!handle(handler, lineStart, newline)) {
                    return true;
                }
                continue;
            }
            int pending = end - start;
            if (!fill()) {
                if (start < end) {
                    int lineStart = start;
                    start = end;
                    return !handle(handler, lineStart, end);
                }
                return false;
            }
            scanned = start + pending;
        }
    }

    /** Whether anything but blank lines is left after the handler stopped. */
    public boolean hasMore() throws IOException {
        while (true) {
            for (int i = start; i < end; i++) {
                if (!blank(buffer[i])) {
                    return true;
                }
            }
            start = end;
            if (!fill()) {
                return false;
            }
        }
    }

    private boolean handle(LineHandler handler, int from, int to) throws IOException {
        if (to - from > maxLineBytes) {
            throw tooLong();
        }
        while (from < to && blank(buffer[to - 1])) {
            to--;
        }
        while (from < to && blank(buffer[from])) {
            from++;
        }
        return from == to || handler.line(buffer, from, to - from);
    }

    /** Reads more bytes after {@code end}, moving or growing the buffer as needed; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (end == buffer.length) {
            int pending = end - start;
            if (pending >= maxLineBytes) {
                throw tooLong();
            }
            if (start > 0 && pending <= buffer.length / 2) {
                System.arraycopy(buffer, start, buffer, 0, pending);
            } else {
                buffer = Arrays.copyOfRange(buffer, start, start + (int) Math.min(
                        (long) buffer.length * 2, (long) maxLineBytes + 1));
            }
            start = 0;
            end = pending;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }

    private IOException tooLong() {
        return new IOException("a line of the stream is longer than " + maxLineBytes + " bytes");
    }

    private int indexOf(byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
