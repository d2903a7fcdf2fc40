package org.camaudit.scanner.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camaudit.scanner.identify.DataFiles;

/** The HTTP fingerprint and known-path tables, read from the data files {@code http/*.tsv}. */
public final class HttpFingerprints {

    /**
     * One pattern for one kind of signal (server, realm, title, body).
     *
     * @param chip the pattern marks a chip maker's firmware (vendor column {@code chip:NAME}), not the camera's maker
     */
    public record Fingerprint(String kind, Pattern pattern, String vendor, String source, boolean chip) {
    }

    private static final String CHIP_PREFIX = "chip:";

    /** One known path and what makes it a marker. */
    public record KnownPath(String path, Set<Integer> statuses, Optional<Pattern> body, String vendor, String source) {
    }

    private static final HttpFingerprints SHIPPED = new HttpFingerprints(DataFiles.lines("http/fingerprints.tsv"),
            DataFiles.lines("http/paths.tsv"));

    private final List<Fingerprint> fingerprints = new ArrayList<>();
    private final List<KnownPath> paths = new ArrayList<>();

    HttpFingerprints(List<String> fingerprintLines, List<String> pathLines) {
        for (String line : fingerprintLines) {
            String[] c = line.split("\t");
            boolean chip = c[2].startsWith(CHIP_PREFIX);
            fingerprints.add(new Fingerprint(c[0], Pattern.compile(c[1]), chip ? c[2].substring(CHIP_PREFIX.length()) : c[2],
                    c.length > 3 ? c[3] : "", chip));
        }
        for (String line : pathLines) {
            String[] c = line.split("\t");
            Set<Integer> statuses = Arrays.stream(c[1].split(",")).map(String::trim).map(Integer::valueOf)
                    .collect(Collectors.toUnmodifiableSet());
            Optional<Pattern> body = c[2].equals("-") ? Optional.empty() : Optional.of(Pattern.compile(c[2]));
            paths.add(new KnownPath(c[0], statuses, body, c[3], c.length > 4 ? c[4] : ""));
        }
    }

    public static HttpFingerprints shipped() {
        return SHIPPED;
    }

    /** The fingerprints of this kind that the value matches. */
    public List<Fingerprint> match(String kind, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return fingerprints.stream().filter(f -> f.kind().equals(kind) && f.pattern().matcher(value).find()).toList();
    }

    public List<KnownPath> paths() {
        return List.copyOf(paths);
    }
}
