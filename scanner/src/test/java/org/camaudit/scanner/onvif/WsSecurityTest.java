package org.camaudit.scanner.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camaudit.scanner.credentials.Credential;
import org.junit.jupiter.api.Test;

class WsSecurityTest {

    /**
     * The digest a real device-side ONVIF server (thingino-onvif) accepted, recorded in
     * fixtures/peer/thingino-onvif/soap/auth-required_valid-digest/GetDeviceInformation.request.xml
     * (user admin, password secret123).
     */
    @Test
    void shouldReproduceTheDigestARealServerAccepted() {
        byte[] nonce = Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZg==");
        assertThat(WsSecurity.digest(nonce, "2026-11-28T07:11:28Z", "secret123")).isEqualTo("PNscWcSap8NxkgVhQjpNsdLzVs4=");
    }

    @Test
    void shouldWriteCreatedInTheCameraClockToTheSecond() {
        long offset = -3L * 365 * 24 * 3600;
        Instant before = Instant.now().plusSeconds(offset).minusSeconds(1);
        String header = WsSecurity.header(new Credential("10.0.0.0/8", "admin", "pw"), offset);
        Matcher created = Pattern.compile("<wsu:Created>([^<]+)</wsu:Created>").matcher(header);
        assertThat(created.find()).isTrue();
        assertThat(created.group(1)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        Instant stamped = Instant.parse(created.group(1));
        assertThat(stamped).isBetween(before, Instant.now().plusSeconds(offset).plusSeconds(1));
    }

    @Test
    void shouldUseAFreshNonceAndNeverThePasswordItself() {
        Credential credential = new Credential("10.0.0.0/8", "admin", "pa<ss&word");
        String first = WsSecurity.header(credential, 0);
        String second = WsSecurity.header(credential, 0);
        Pattern nonce = Pattern.compile("<wsse:Nonce[^>]*>([^<]+)</wsse:Nonce>");
        Matcher a = nonce.matcher(first);
        Matcher b = nonce.matcher(second);
        assertThat(a.find() && b.find()).isTrue();
        assertThat(a.group(1)).isNotEqualTo(b.group(1));
        assertThat(Base64.getDecoder().decode(a.group(1))).hasSize(16);
        assertThat(first).doesNotContain("pa<ss&word").doesNotContain("pa&lt;ss");
        assertThat(credential.toString()).doesNotContain("pa<ss");
        assertThat(first.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}
