package org.camaudit.audit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Line splitting on plain byte streams: no HTTP, no service. */
class NdjsonLinesTest {

    /** A stream that hands out at most {@code step} bytes per read and refuses to say how much is available. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int step;

        Trickle(String text, int step) {
            this.bytes = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            this.step = step;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, Math.min(len, step));
        }

        @Override
        public int available() {
            throw new AssertionError("available() was called: the JDK's chunked HTTP stream copies its whole socket "
                    + "buffer on every call");
        }
    }

    private static List<String> lines(NdjsonLines lines) throws IOException {
        List<String> seen = new ArrayList<>();
        lines.forEach((bytes, offset, length) -> seen.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        return seen;
    }

    @Test
    void shouldSplitLinesThatArriveAFewBytesAtATimeWithoutAskingWhatIsAvailable() throws IOException {
        String text = "{\"id\":1,\"site\":\"Zürich\"}\r\n\n  \n{\"id\":2}\n{\"total\":2}";

        for (int step = 1; step <= 5; step++) {
            assertThat(lines(new NdjsonLines(new Trickle(text, step), 1024)))
                    .containsExactly("{\"id\":1,\"site\":\"Zürich\"}", "{\"id\":2}", "{\"total\":2}");
        }
    }

    @Test
    void shouldHandOnALineLongerThanItsFirstBufferWhole() throws IOException {
        String longValue = "x".repeat(300_000);
        String text = "{\"a\":1}\n{\"long\":\"" + longValue + "\"}\n{\"b\":2}\n";

        List<String> seen = lines(new NdjsonLines(new Trickle(text, 70_000), 1 << 20));

        assertThat(seen).hasSize(3);
        assertThat(seen.get(1)).hasSize(longValue.length() + 11).endsWith("x\"}");
        assertThat(seen.get(2)).isEqualTo("{\"b\":2}");
    }

    @Test
    void shouldRefuseALineLongerThanTheLimit() {
        String text = "{\"a\":1}\n" + "y".repeat(5_000) + "\n";

        assertThatThrownBy(() -> lines(new NdjsonLines(new Trickle(text, 4096), 2048)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("longer than 2048 bytes");
    }

    @Test
    void shouldStopWhenTheHandlerSaysSoAndTellWhetherMoreThanBlankLinesFollow() throws IOException {
        NdjsonLines trailingBlank = new NdjsonLines(new Trickle("{\"total\":0}\n\r\n \n", 2), 1024);
        NdjsonLines trailingData = new NdjsonLines(new Trickle("{\"total\":0}\n\n{\"id\":9}\n", 2), 1024);

        assertThat(trailingBlank.forEach((bytes, offset, length) -> false)).isTrue();
        assertThat(trailingBlank.hasMore()).isFalse();
        assertThat(trailingData.forEach((bytes, offset, length) -> false)).isTrue();
        assertThat(trailingData.hasMore()).isTrue();
    }

    @Test
    void shouldSayTheStreamEndedWhenTheHandlerNeverStopped() throws IOException {
        assertThat(new NdjsonLines(new Trickle("{\"id\":1}\n", 3), 1024).forEach((bytes, offset, length) -> true))
                .isFalse();
        assertThat(new NdjsonLines(new Trickle("", 3), 1024).forEach((bytes, offset, length) -> true)).isFalse();
    }
}
