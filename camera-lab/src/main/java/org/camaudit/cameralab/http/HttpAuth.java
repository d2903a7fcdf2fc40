package org.camaudit.cameralab.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP Basic and Digest (RFC 7616, MD5, qop=auth) checks of the camera's web account. */
final class HttpAuth {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpAuth() {
    }

    /** The {@code WWW-Authenticate} challenge for {@code scheme} ({@code digest} or {@code basic}). */
    static String challenge(String scheme, String realm) {
        if ("basic".equals(scheme)) {
            return "Basic realm=\"" + realm + "\"";
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return "Digest qop=\"auth\", realm=\"" + realm + "\", nonce=\"" + HexFormat.of().formatHex(nonce)
                + "\", stale=\"FALSE\"";
    }

    /** Whether the {@code Authorization} header proves the account for this request. */
    static boolean verify(String scheme, String authorization, String method, String realm, String username,
            String password) {
        if (authorization == null) {
            return false;
        }
        if ("basic".equals(scheme)) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                return decoded.equals(username + ":" + password);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (!authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!username.equals(params.get("username")) || !realm.equals(params.get("realm"))
                || params.get("nonce") == null || params.get("uri") == null || params.get("response") == null) {
            return false;
        }
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + params.get("uri"));
        String qop = params.get("qop");
        String expected = qop == null ? md5(ha1 + ":" + params.get("nonce") + ":" + ha2)
                : md5(ha1 + ":" + params.get("nonce") + ":" + params.get("nc") + ":" + params.get("cnonce") + ":"
                        + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                params.get("response").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
