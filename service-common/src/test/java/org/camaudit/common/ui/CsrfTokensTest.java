package org.camaudit.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void shouldAcceptItsOwnTokenForTheSameUser() {
        CsrfTokens tokens = new CsrfTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.valid("alice", tokens.issue("alice"))).isTrue();
    }

    @Test
    void shouldRefuseATokenOfAnotherUserOrAnotherKey() {
        CsrfTokens tokens = new CsrfTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
        CsrfTokens other = new CsrfTokens("another key, another service!!!!".getBytes(StandardCharsets.US_ASCII),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.valid("bob", tokens.issue("alice"))).isFalse();
        assertThat(tokens.valid("alice", other.issue("alice"))).isFalse();
    }

    @Test
    void shouldRefuseAnExpiredOrMalformedToken() {
        String old = new CsrfTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC)).issue("alice");
        CsrfTokens later = new CsrfTokens(KEY, Clock.fixed(NOW.plus(CsrfTokens.LIFETIME).plusSeconds(1), ZoneOffset.UTC));
        assertThat(later.valid("alice", old)).isFalse();
        assertThat(later.valid("alice", "")).isFalse();
        assertThat(later.valid("alice", "x.y")).isFalse();
        assertThat(later.valid("alice", null)).isFalse();
        String forgedExpiry = (NOW.getEpochSecond() + 999_999) + old.substring(old.indexOf('.'));
        assertThat(later.valid("alice", forgedExpiry)).isFalse();
    }
}
