package org.camaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void shouldRefuseControlCharactersButTabsAndLineBreaks() {
        assertThat(SafeText.problem("a\u0000b")).contains("U+0000");
        assertThat(SafeText.problem("a\u001bb")).contains("U+001B");
        assertThat(SafeText.problem("a\u007fb")).contains("U+007F");
        assertThat(SafeText.problem("line\r\nnext\tcell")).isNull();
    }

    @Test
    void shouldRefuseUnpairedSurrogatesButNotPairs() {
        assertThat(SafeText.problem("a\ud800")).contains("unpaired surrogate");
        assertThat(SafeText.problem("\udc00a")).contains("unpaired surrogate");
        assertThat(SafeText.problem("camera \ud83d\udcf7")).isNull();
        assertThat(SafeText.problem("Ünïcödé")).isNull();
    }

    @Test
    void shouldCleanWhatItRefusesAndKeepEverythingElse() {
        assertThat(SafeText.clean("DS-2CD\u0000X\u001b[2J")).isEqualTo("DS-2CD\uFFFDX\uFFFD[2J");
        assertThat(SafeText.clean("a\ud800b\udc00")).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(SafeText.clean("camera \ud83d\udcf7\tline\r\n")).isEqualTo("camera \ud83d\udcf7\tline\r\n");
        assertThat(SafeText.clean(null)).isNull();
        assertThat(SafeText.problem(SafeText.clean("x\u0000\ud83d\u007f"))).isNull();
    }
}
