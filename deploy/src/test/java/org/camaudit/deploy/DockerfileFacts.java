package org.camaudit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Dockerfile says about its image: user, port, base images, copies, entry point. */
record DockerfileFacts(Path file) {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern ARG_DEFAULT = Pattern.compile("(?m)^ARG\\s+(\\w+)=(\\S+)");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\w+))?");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+((?:--\\S+\\s+)*)(.+)$");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+(.+)$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");

    /** One {@code COPY}: its sources, its destination, and the stage it copies from (null: the build context). */
    record Copy(List<String> sources, String destination, String fromStage) {
    }

    /** The numeric USER the image runs as. */
    int user() {
        return Integer.parseInt(match(USER));
    }

    /** The port the image declares with EXPOSE. */
    int exposedPort() {
        return Integer.parseInt(match(EXPOSE));
    }

    /** The base image of each stage, in order, with {@code ${ARG}} replaced by the ARG's default. */
    List<String> baseImages() {
        List<String> images = new ArrayList<>();
        Matcher m = FROM.matcher(text());
        while (m.find()) {
            String image = m.group(1);
            Matcher arg = ARG_DEFAULT.matcher(text());
            while (arg.find()) {
                image = image.replace("${" + arg.group(1) + "}", arg.group(2));
            }
            images.add(image);
        }
        return images;
    }

    /** Every COPY instruction. */
    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        Matcher m = COPY.matcher(text());
        while (m.find()) {
            Matcher from = Pattern.compile("--from=(\\S+)").matcher(m.group(1));
            List<String> parts = List.of(m.group(2).trim().split("\\s+"));
            copies.add(new Copy(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1), from.find() ? from.group(1) : null));
        }
        return copies;
    }

    /** The ENTRYPOINT as written. */
    String entrypoint() {
        return match(ENTRYPOINT);
    }

    /** Environment variables the entry point reads. */
    Set<String> entrypointVariables() {
        Set<String> variables = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(entrypoint());
        while (m.find()) {
            variables.add(m.group(1));
        }
        return variables;
    }

    /** The whole file. */
    String text() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String match(Pattern pattern) {
        Matcher m = pattern.matcher(text());
        if (!m.find()) {
            throw new AssertionError(file + " has no line matching " + pattern);
        }
        return m.group(1);
    }
}
