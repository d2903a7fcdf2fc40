package org.camaudit.cameralab.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import org.camaudit.cameralab.xml.XmlElement;

/**
 * WS-Security UsernameToken profile 1.0 with PasswordDigest, as ONVIF devices check it:
 * {@code Base64(SHA-1(nonce + created + password))}, and {@code Created} within a tolerance of the
 * device's own clock.
 */
public final class UsernameToken {

    static final String PASSWORD_DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    private UsernameToken() {
    }

    /** Whether the request's Security header proves the account, judged by the camera's clock. */
    public static boolean verify(XmlElement envelope, String username, String password, Instant cameraNow,
            Duration tolerance) {
        Optional<XmlElement> token = envelope.path("Header", "Security", "UsernameToken");
        if (token.isEmpty()) {
            return false;
        }
        String user = token.get().child("Username").map(XmlElement::text).orElse("");
        Optional<XmlElement> passwordElement = token.get().child("Password");
        String nonceText = token.get().child("Nonce").map(XmlElement::text).orElse("");
        String createdText = token.get().child("Created").map(XmlElement::text).orElse("");
        if (!user.equals(username) || passwordElement.isEmpty()
                || !PASSWORD_DIGEST.equals(passwordElement.get().attribute("Type").orElse(""))) {
            return false;
        }
        byte[] nonce;
        Instant created;
        try {
            nonce = Base64.getDecoder().decode(nonceText);
            created = OffsetDateTime.parse(createdText).toInstant();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
        if (Duration.between(created, cameraNow).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = digest(nonce, createdText, password).getBytes(StandardCharsets.US_ASCII);
        byte[] given = passwordElement.get().text().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** {@code Base64(SHA-1(nonce + created + password))}. */
    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
