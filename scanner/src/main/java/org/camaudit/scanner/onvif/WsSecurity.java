package org.camaudit.scanner.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.camaudit.scanner.credentials.Credential;

/**
 * WS-Security UsernameToken with PasswordDigest, as ONVIF devices require:
 * {@code Base64(SHA-1(nonce + created + password))}, a fresh random nonce per request and
 * {@code Created} in the camera's time (local clock plus the offset read from
 * GetSystemDateAndTime), UTC, to the second.
 */
public final class WsSecurity {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private WsSecurity() {
    }

    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    /** The Security header for one request, with the camera's clock {@code offsetSeconds} ahead of ours. */
    public static String header(Credential credential, long offsetSeconds) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Instant cameraNow = Instant.now().plusSeconds(offsetSeconds).truncatedTo(ChronoUnit.SECONDS);
        return header(credential, nonce, CREATED.format(cameraNow));
    }

    static String header(Credential credential, byte[] nonce, String created) {
        return "<wsse:Security s:mustUnderstand=\"1\""
                + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + escape(credential.username()) + "</wsse:Username>"
                + "<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">"
                + digest(nonce, created, credential.password()) + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">"
                + Base64.getEncoder().encodeToString(nonce) + "</wsse:Nonce>"
                + "<wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
