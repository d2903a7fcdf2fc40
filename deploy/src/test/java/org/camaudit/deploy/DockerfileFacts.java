package org.camaudit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user and port a Dockerfile gives its image. */
record DockerfileFacts(Path file) {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    /** The numeric USER the image runs as. */
    int user() {
        return Integer.parseInt(match(USER));
    }

    /** The port the image declares with EXPOSE. */
    int exposedPort() {
        return Integer.parseInt(match(EXPOSE));
    }

    private String match(Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            if (!m.find()) {
                throw new AssertionError(file + " has no line matching " + pattern);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
