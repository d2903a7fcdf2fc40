package org.camaudit.scanner.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response as read under the scanner's caps. Header names are lower-case.
 *
 * @param truncated the body was longer than the cap and was cut
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The body as text; devices send UTF-8 or Latin-1, and markers are ASCII either way. */
    public String bodyText() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }
}
