package org.camaudit.scanner.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for header values (HTTP and RTSP) kept as evidence. */
class HeaderValuesTest {

    @Test
    void shouldTurnControlCharactersIntoSpacesTrimAndCut() {
        assertThat(HeaderValues.clip("\tApp-webs/\u0007 1.0\r\n")).isEqualTo("App-webs/  1.0");
        assertThat(HeaderValues.clip("x".repeat(500))).hasSize(HeaderValues.MAX_LENGTH);
    }
}
