package org.camaudit.common.ui;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;

import org.camaudit.common.problem.ProblemException;

/**
 * CSRF tokens for the console's forms: {@code expiry.HMAC-SHA256(user, expiry)} under a key derived from
 * {@code CAMAUDIT_SESSION_KEY}. A token is bound to the signed-in account and expires, so a page of another
 * site can neither read nor forge one; both services with the same key accept each other's tokens.
 */
@Singleton
public class CsrfTokens {

    /** The form field that carries the token. */
    public static final String FIELD = "csrf";

    static final Duration LIFETIME = Duration.ofHours(12);

    private final SecretKeySpec key;
    private final Clock clock;

    @Inject
    CsrfTokens(ConsoleConfig config) {
        this(config.sessionKey().filter(k -> !k.isBlank()).map(CsrfTokens::derive).orElseGet(() -> {
            Log.warn("CAMAUDIT_SESSION_KEY is not set: console sessions and forms end when this service restarts "
                    + "and are not shared with the other service");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }), Clock.systemUTC());
    }

    CsrfTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    /** A fresh token for {@code user}'s forms. */
    public String issue(String user) {
        long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
        return expiry + "." + sign(user, expiry);
    }

    /** Whether {@code token} was issued by a service with this key to {@code user} and has not expired. */
    public boolean valid(String user, String token) {
        if (user == null || token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry < clock.instant().getEpochSecond()) {
            return false;
        }
        byte[] expected = sign(user, expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** Refuses the request with 403 unless {@link #valid}. */
    public void check(String user, String token) {
        if (!valid(user, token)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "Form refused",
                    "The form's CSRF token is missing, expired or belongs to another sign-in; reload the page and submit it again");
        }
    }

    private String sign(String user, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("camaudit-csrf\0".getBytes(StandardCharsets.UTF_8));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(Long.toString(expiry).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSRF key apart from the cookie's encryption key, both from the one secret. */
    private static byte[] derive(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("camaudit csrf key\0".getBytes(StandardCharsets.UTF_8));
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
